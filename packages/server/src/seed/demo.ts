import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Role } from '@ieum/domain';
import { count, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit-log';
import { hashPassword, verifyPassword } from '../platform/auth/passwords';
import type { Db } from '../platform/db/client';
import { newId } from '../platform/db/ids';
import { organizations, users } from '../platform/db/schema';
import { DEMO_ORGANIZATIONS } from './demo-organizations';

/**
 * One demo account per role, `demo-<role>` with dashes, plus a second case worker at another center; the agency
 * system's account is `demo-agency`.
 */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  displayName: string;
  organization: string;
  roles: Role[];
}[] = [
  {
    username: 'demo-case-worker',
    displayName: '데모 사례관리자',
    organization: 'hana-3',
    roles: ['case_worker'],
  },
  {
    username: 'demo-case-worker-2',
    displayName: '데모 사례관리자 2',
    organization: 'hana-5',
    roles: ['case_worker'],
  },
  {
    username: 'demo-center-manager',
    displayName: '데모 센터장',
    organization: 'hana-3',
    roles: ['center_manager'],
  },
  {
    username: 'demo-residence-officer',
    displayName: '데모 거주지보호담당관',
    organization: 'lg-nowon',
    roles: ['residence_officer'],
  },
  {
    username: 'demo-employment-officer',
    displayName: '데모 취업보호담당관',
    organization: 'employment',
    roles: ['employment_officer'],
  },
  {
    username: 'demo-safety-officer',
    displayName: '데모 신변보호담당관',
    organization: 'police',
    roles: ['safety_officer'],
  },
  {
    username: 'demo-partner',
    displayName: '데모 협력기관 담당자',
    organization: 'legal-aid',
    roles: ['partner'],
  },
  {
    username: 'demo-foundation-staff',
    displayName: '데모 재단 상담사',
    organization: 'foundation',
    roles: ['foundation_staff'],
  },
  {
    username: 'demo-plan-manager',
    displayName: '데모 계획 총괄',
    organization: 'ministry',
    roles: ['plan_manager'],
  },
  {
    username: 'demo-task-reporter',
    displayName: '데모 과제 보고자',
    organization: 'ministry',
    roles: ['task_reporter'],
  },
  {
    username: 'demo-privacy-auditor',
    displayName: '데모 개인정보 감사관',
    organization: 'ministry',
    roles: ['privacy_auditor'],
  },
  { username: 'demo-admin', displayName: '데모 시스템 관리자', organization: 'ministry', roles: ['admin'] },
  // A system, not a person: it sends signals with an API key (npm run cli -- api-key:issue --username demo-agency).
  {
    username: 'demo-agency',
    displayName: '데모 사회보장정보시스템 연계',
    organization: 'ssis',
    roles: ['agency_system'],
  },
];

export interface DemoSeedResult {
  readonly seeded: boolean;
  /** The demo password, or null when the accounts were created earlier with a password this start does not know. */
  readonly password: string | null;
  readonly passwordFile: string | null;
}

/**
 * Seeds the demo organizations and accounts into an empty database. When no password is configured, one is
 * generated once and kept (owner-only) beside the data, so every start can print the same one.
 */
export async function seedDemo(
  db: Db,
  options: { password: string | null; dataDir: string },
): Promise<DemoSeedResult> {
  const passwordFile = resolve(options.dataDir, 'demo-password.txt');
  const remembered = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : null;
  const password = options.password ?? remembered ?? generatePassword();
  const passwordGenerated = options.password === null;
  const passwordFileResult = passwordGenerated ? passwordFile : null;

  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) {
    // Seeded before: say the password only if it still opens the demo accounts.
    const [admin] = await db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.username, 'demo-admin'));
    const valid = admin ? await verifyPassword(admin.hash, password) : false;
    return { seeded: false, password: valid ? password : null, passwordFile: passwordFileResult };
  }

  if (passwordGenerated && !remembered) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    chmodSync(passwordFile, 0o600);
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const idByKey = new Map<string, string>();
    for (const org of DEMO_ORGANIZATIONS) {
      const id = newId();
      idByKey.set(org.key, id);
      await tx
        .insert(organizations)
        .values({ id, name: org.name, nameEn: org.nameEn, type: org.type, region: org.region });
    }
    for (const account of DEMO_ACCOUNTS) {
      await tx.insert(users).values({
        id: newId(),
        username: account.username,
        displayName: account.displayName,
        organizationId: idByKey.get(account.organization) as string,
        roles: account.roles,
        passwordHash,
      });
    }
    await appendAudit(tx, {
      action: 'create',
      actor: null,
      entityType: 'demo_seed',
      detail: { organizations: DEMO_ORGANIZATIONS.length, users: DEMO_ACCOUNTS.length },
    });
  });
  return { seeded: true, password, passwordFile: passwordFileResult };
}

function generatePassword(): string {
  // 16 characters from an alphabet without look-alikes (0/O, 1/l/I), easy to read off a terminal.
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}
