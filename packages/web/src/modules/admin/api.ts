import type {
  Organization,
  OrganizationInput,
  OrganizationType,
  OrganizationUpdate,
  PasswordReset,
  Region,
  Role,
  User,
  UserInput,
  UserUpdate,
} from '@ieum/domain';
import {
  OrganizationList,
  Organization as OrganizationSchema,
  UserList,
  User as UserSchema,
} from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type OrganizationInputData = ReturnType<typeof OrganizationInput.parse>;
export type OrganizationUpdateData = ReturnType<typeof OrganizationUpdate.parse>;
export type UserInputData = ReturnType<typeof UserInput.parse>;
export type UserUpdateData = ReturnType<typeof UserUpdate.parse>;
export type PasswordResetData = ReturnType<typeof PasswordReset.parse>;

export const PAGE_SIZE = 20;
/** The most the API returns in one page; enough for every organization in the country. */
export const ALL_ORGANIZATIONS_PAGE_SIZE = 200;

export const adminKeys = {
  organizations: ['admin', 'organizations'] as const,
  users: ['admin', 'users'] as const,
};

export interface OrganizationFilters {
  q: string;
  type: OrganizationType | null;
  region: Region | null;
  page: number;
}

export function useOrganizationList(filters: OrganizationFilters) {
  return useQuery({
    queryKey: [...adminKeys.organizations, 'list', filters],
    queryFn: ({ signal }) =>
      request('/api/admin/organizations', {
        query: { ...filters, pageSize: PAGE_SIZE },
        schema: OrganizationList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every organization, for pickers (user form, user filter). */
export function useAllOrganizations() {
  return useQuery({
    queryKey: [...adminKeys.organizations, 'all'],
    queryFn: ({ signal }) =>
      request('/api/admin/organizations', {
        query: { pageSize: ALL_ORGANIZATIONS_PAGE_SIZE },
        schema: OrganizationList,
        signal,
      }),
    staleTime: 60_000,
  });
}

export function createOrganization(input: OrganizationInputData): Promise<Organization> {
  return request('/api/admin/organizations', { method: 'POST', body: input, schema: OrganizationSchema });
}

export function updateOrganization(id: string, update: OrganizationUpdateData): Promise<Organization> {
  return request(`/api/admin/organizations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: update,
    schema: OrganizationSchema,
  });
}

export interface UserFilters {
  q: string;
  organizationId: string | null;
  role: Role | null;
  page: number;
}

export function useUserList(filters: UserFilters) {
  return useQuery({
    queryKey: [...adminKeys.users, 'list', filters],
    queryFn: ({ signal }) =>
      request('/api/admin/users', { query: { ...filters, pageSize: PAGE_SIZE }, schema: UserList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function createUser(input: UserInputData): Promise<User> {
  return request('/api/admin/users', { method: 'POST', body: input, schema: UserSchema });
}

export function updateUser(id: string, update: UserUpdateData): Promise<User> {
  return request(`/api/admin/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: update,
    schema: UserSchema,
  });
}

export function resetUserPassword(id: string, input: PasswordResetData): Promise<void> {
  return request(`/api/admin/users/${encodeURIComponent(id)}/reset-password`, {
    method: 'POST',
    body: input,
  });
}
