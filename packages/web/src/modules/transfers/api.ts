import {
  CaseList,
  CaseWorkerList,
  OrganizationList,
  OrganizationSummary,
  type PersonTransfer,
  PersonTransferList,
  Transfer,
  type TransferAcceptance,
  type TransferDecline,
  TransferList,
  type TransferRequest,
} from '@ieum/domain';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';
import { organizationName, useLocale } from '../../platform/i18n';

export type TransferBox = 'incoming' | 'outgoing';
export type TransferData = ReturnType<typeof Transfer.parse>;
export type PersonTransferData = PersonTransfer;
type TransferRequestInput = ReturnType<typeof TransferRequest.parse>;
type TransferAcceptanceInput = ReturnType<typeof TransferAcceptance.parse>;
type TransferDeclineInput = ReturnType<typeof TransferDecline.parse>;

const Created = Transfer.pick({ id: true });
const Accepted = Transfer.pick({ caseId: true });
/** `GET /api/reference/organizations`: declared inline by the server. */
const HanaCenters = OrganizationList.omit({ total: true }).extend({ items: OrganizationSummary.array() });

export const transferKeys = {
  all: ['transfers'] as const,
  box: (box: TransferBox) => ['transfers', 'box', box] as const,
  person: (personId: string) => ['transfers', 'person', personId] as const,
  personCases: (personId: string) => ['transfers', 'cases', personId] as const,
  hanaCenters: ['transfers', 'hana-centers'] as const,
  workers: ['transfers', 'workers'] as const,
};

const id = (value: string) => encodeURIComponent(value);

export function useTransfers(box: TransferBox) {
  return useQuery({
    queryKey: transferKeys.box(box),
    queryFn: ({ signal }) => request('/api/transfers', { query: { box }, schema: TransferList, signal }),
  });
}

export function usePersonTransfers(personId: string) {
  return useQuery({
    queryKey: transferKeys.person(personId),
    queryFn: ({ signal }) =>
      request(`/api/persons/${id(personId)}/transfers`, { schema: PersonTransferList, signal }),
  });
}

/** The person's cases within the reader's caseload: the open one is what a transfer request moves. */
export function usePersonCases(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: transferKeys.personCases(personId),
    queryFn: ({ signal }) =>
      request('/api/cases', { query: { personId, pageSize: 100 }, schema: CaseList, signal }),
    enabled,
  });
}

export function useHanaCenters(enabled: boolean) {
  return useQuery({
    queryKey: transferKeys.hanaCenters,
    queryFn: ({ signal }) =>
      request('/api/reference/organizations', {
        query: { type: 'hana_center' },
        schema: HanaCenters,
        signal,
      }),
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** The receiving center's case workers, one of whom takes the case on acceptance. */
export function useCenterWorkers(enabled: boolean) {
  return useQuery({
    queryKey: transferKeys.workers,
    queryFn: ({ signal }) => request('/api/cases/workers', { schema: CaseWorkerList, signal }),
    enabled,
  });
}

export function requestTransfer(caseId: string, input: TransferRequestInput): Promise<{ id: string }> {
  return request(`/api/cases/${id(caseId)}/transfer`, { method: 'POST', body: input, schema: Created });
}

export function cancelTransfer(transferId: string): Promise<void> {
  return request(`/api/transfers/${id(transferId)}/cancel`, { method: 'POST' });
}

export function acceptTransfer(
  transferId: string,
  input: TransferAcceptanceInput,
): Promise<{ caseId: string }> {
  return request(`/api/transfers/${id(transferId)}/accept`, {
    method: 'POST',
    body: input,
    schema: Accepted,
  });
}

export function declineTransfer(transferId: string, input: TransferDeclineInput): Promise<void> {
  return request(`/api/transfers/${id(transferId)}/decline`, { method: 'POST', body: input });
}

/**
 * Transfers name centers as recorded (Korean); English screens show a center's English name where one is
 * recorded, looked up in the reference list of Hana Centers.
 */
export function useCenterName(): (name: string) => string {
  const locale = useLocale();
  const centers = useHanaCenters(locale === 'en');
  return (name) => {
    const center = centers.data?.items.find((item) => item.name === name);
    return center ? organizationName(center, locale) : name;
  };
}
