import { z } from 'zod';
import { Region } from '../platform/regions';
import { isIsoDate } from '../time/calendar';
import { parseRrn } from './rrn';

/** Provinces of North Korea (province of origin). Labels live in the i18n resources. */
export const NK_PROVINCES = [
  'pyongyang',
  'nampo',
  'rason',
  'south_pyongan',
  'north_pyongan',
  'chagang',
  'south_hwanghae',
  'north_hwanghae',
  'kangwon',
  'south_hamgyong',
  'north_hamgyong',
  'ryanggang',
  'unknown',
] as const;
export const NkProvince = z.enum(NK_PROVINCES);

export const Sex = z.enum(['male', 'female']);
export const IsoDateString = z.string().refine(isIsoDate, 'date.invalid');

export const PersonCode = z.string().regex(/^P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

export const Rrn = z
  .string()
  .trim()
  .refine((value) => parseRrn(value).ok, 'rrn.invalid');

/** Korean mobile or landline numbers, stored as digits. */
export const Phone = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^0\d{8,10}$/, 'phone.invalid'));

export const PersonIntake = z.object({
  name: z.string().trim().min(1).max(50),
  otherNames: z.array(z.string().trim().min(1).max(50)).max(10).default([]),
  rrn: Rrn.optional(),
  birthDate: IsoDateString.optional(),
  sex: Sex.optional(),
  phone: Phone.optional(),
  address: z.string().trim().min(1).max(300).optional(),
  originProvince: NkProvince.optional(),
  arrivalDate: IsoDateString.optional(),
  hanawonClass: z.string().trim().max(20).optional(),
  hanawonCompletionDate: IsoDateString.optional(),
  protectionDecisionDate: IsoDateString.optional(),
  residenceStartDate: IsoDateString.optional(),
  residenceRegion: Region.optional(),
  /** The Hana Center responsible; a case worker's own center when absent. */
  hanaCenterId: z.uuid().optional(),
  /** The local government keeping the residence protection ledger. */
  municipalityId: z.uuid().optional(),
  /** Candidates the worker reviewed and judged to be other people; intake goes ahead despite them. */
  acknowledgedDuplicates: z.array(PersonCode).max(20).default([]),
});
export type PersonIntake = z.infer<typeof PersonIntake>;

export const DuplicateCheck = PersonIntake.pick({
  name: true,
  otherNames: true,
  rrn: true,
  birthDate: true,
  sex: true,
});
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

export const DuplicateCandidate = z.object({
  code: PersonCode,
  /** Null when the record belongs to an office the worker may not see: its existence is all they learn. */
  maskedName: z.string().nullable(),
  hanaCenterName: z.string(),
  inScope: z.boolean(),
  score: z.number().int(),
  level: z.enum(['certain', 'likely', 'possible', 'unlikely']),
  reasons: z.array(
    z.object({
      code: z.string(),
      points: z.number().int(),
      similarity: z.number().optional(),
      names: z
        .object({ incoming: z.enum(['current', 'other']), existing: z.enum(['current', 'other']) })
        .optional(),
    }),
  ),
});
export const DuplicateCheckResult = z.object({ candidates: z.array(DuplicateCandidate) });

export const PersonSummary = z.object({
  id: z.uuid(),
  code: PersonCode,
  maskedName: z.string(),
  sex: Sex.nullable(),
  birthYear: z.number().int().nullable(),
  hanaCenter: z.object({ id: z.uuid(), name: z.string() }),
  arrivalDate: z.string().nullable(),
  status: z.string(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonQuery = z.object({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const PersonList = z.object({ items: z.array(PersonSummary), total: z.number().int() });

/** The identity block: masked unless unmasked in this session (with a stated reason, audited). */
export const PersonIdentityView = z.object({
  masked: z.boolean(),
  name: z.string(),
  otherNames: z.array(z.string()),
  rrn: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});

export const PersonDetail = PersonSummary.extend({
  identity: PersonIdentityView,
  originProvince: NkProvince.nullable(),
  hanawonClass: z.string().nullable(),
  hanawonCompletionDate: z.string().nullable(),
  protectionDecisionDate: z.string().nullable(),
  residenceStartDate: z.string().nullable(),
  residenceRegion: Region.nullable(),
  municipality: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const UnmaskRequest = z.object({ reason: z.string().trim().min(5).max(500) });
