import { z } from 'zod';

export const APPOINTMENT_KINDS = ['counselling', 'home_visit', 'accompaniment', 'phone', 'other'] as const;
export const AppointmentKind = z.enum(APPOINTMENT_KINDS);
export type AppointmentKind = z.infer<typeof AppointmentKind>;

export const APPOINTMENT_STATUSES = ['scheduled', 'done', 'cancelled', 'no_show'] as const;
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/**
 * Only a scheduled appointment changes: it is held (done), missed (no_show) or called off (cancelled), or
 * moved. What happened is history and stays as recorded; a new meeting is a new appointment.
 */
export function canChangeAppointment(from: AppointmentStatus): boolean {
  return from === 'scheduled';
}

/** An instant with its offset, as a browser's `toISOString()` sends it. */
const Instant = z.iso.datetime({ offset: true });
const Minutes = z.number().int().min(5).max(720);
/** Free text that may hold an address or a family matter: sealed with the person's key on the server. */
const Location = z.string().trim().max(200);
const Note = z.string().trim().max(2000);

export const AppointmentInput = z.object({
  personId: z.uuid(),
  startsAt: Instant,
  durationMinutes: Minutes.default(60),
  kind: AppointmentKind,
  /** The worker who meets the person; the actor by default. */
  assigneeId: z.uuid().optional(),
  location: Location.optional(),
  note: Note.optional(),
});

export const AppointmentChange = z.object({
  version: z.number().int(),
  startsAt: Instant.optional(),
  durationMinutes: Minutes.optional(),
  status: AppointmentStatus.optional(),
  location: Location.optional(),
  note: Note.optional(),
});

/** `mine` arrives as a query string: only the literal `true` turns it on. */
const QueryFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');

export const AppointmentQuery = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  mine: QueryFlag,
  personId: z.uuid().optional(),
  status: AppointmentStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const Appointment = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), code: z.string(), maskedName: z.string() }),
  assignee: z.object({ id: z.uuid(), displayName: z.string() }),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  kind: AppointmentKind,
  status: AppointmentStatus,
  location: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Appointment = z.infer<typeof Appointment>;
export const AppointmentList = z.object({ items: z.array(Appointment), total: z.number().int() });
