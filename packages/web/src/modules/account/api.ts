import type { PasswordChange, TotpCode, TotpDisable } from '@ieum/domain';
import { TotpSetupResponse } from '@ieum/domain';
import { request } from '../../platform/api';

export type PasswordChangeData = ReturnType<typeof PasswordChange.parse>;
export type TotpSetup = ReturnType<typeof TotpSetupResponse.parse>;

export function changePassword(input: PasswordChangeData): Promise<void> {
  return request('/api/me/password', { method: 'POST', body: input });
}

export function startTotpSetup(): Promise<TotpSetup> {
  return request('/api/me/totp/setup', { method: 'POST', schema: TotpSetupResponse });
}

export function enableTotp(input: ReturnType<typeof TotpCode.parse>): Promise<void> {
  return request('/api/me/totp/enable', { method: 'POST', body: input });
}

export function disableTotp(input: ReturnType<typeof TotpDisable.parse>): Promise<void> {
  return request('/api/me/totp/disable', { method: 'POST', body: input });
}

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`: easier to read out and type into an app. */
export function groupSecret(secret: string, size = 4): string {
  return (secret.replace(/\s+/g, '').match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');
}
