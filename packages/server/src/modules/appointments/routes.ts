import { AppointmentChange, AppointmentInput, AppointmentList, AppointmentQuery } from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { changeAppointment } from './change-appointment';
import { listAppointments } from './list-appointments';
import { scheduleAppointment } from './schedule-appointment';

// Appointments are a Hana Center's case work: the same permissions as the case they belong to.
const can = (permission: 'cases.read' | 'cases.write') =>
  ({ access: { kind: 'permission', permission } }) as const;

/** Meetings with a person: counselling, home visits, accompaniment, calls. */
export async function appointmentRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['appointments'];

  app.get(
    '/api/appointments',
    {
      config: can('cases.read'),
      schema: { tags, querystring: AppointmentQuery, response: { 200: AppointmentList } },
    },
    async (request) => listAppointments(deps, { actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/api/appointments',
    {
      config: can('cases.write'),
      schema: { tags, body: AppointmentInput, response: { 201: z.object({ id: z.uuid() }) } },
    },
    async (request, reply) =>
      reply.status(201).send(await scheduleAppointment(deps, { actor: actorOf(request), ...request.body })),
  );

  app.patch(
    '/api/appointments/:id',
    {
      config: can('cases.write'),
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: AppointmentChange,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeAppointment(deps, {
        actor: actorOf(request),
        appointmentId: request.params.id,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );
}
