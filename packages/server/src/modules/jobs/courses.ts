import type { CourseInput, CourseView, EnrolmentChange, EnrolmentView, Region } from '@ieum/domain';
import { and, asc, count, eq, ne, type SQL, sql } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { personInScope, personRefs } from './person-access';
import { trainingCourses, trainingEnrolments } from './schema';

type EnrolmentRow = typeof trainingEnrolments.$inferSelect;

async function courseViews(q: Queryable, where: SQL | undefined): Promise<CourseView[]> {
  const enrolled = q
    .select({ courseId: trainingEnrolments.courseId, n: count().as('enrolled') })
    .from(trainingEnrolments)
    .where(ne(trainingEnrolments.status, 'dropped'))
    .groupBy(trainingEnrolments.courseId)
    .as('enrolled');
  const rows = await q
    .select({ course: trainingCourses, enrolled: enrolled.n })
    .from(trainingCourses)
    .leftJoin(enrolled, eq(enrolled.courseId, trainingCourses.id))
    .where(where)
    .orderBy(asc(trainingCourses.startOn), asc(trainingCourses.id));
  return rows.map(({ course, enrolled: n }) => ({
    id: course.id,
    title: course.title,
    provider: course.provider,
    occupation: course.occupation,
    hours: course.hours,
    startOn: course.startOn,
    endOn: course.endOn,
    region: course.region as Region,
    capacity: course.capacity,
    oneYearCourse: course.oneYearCourse,
    certificate: course.certificate,
    enrolled: Number(n ?? 0),
    version: course.version,
  }));
}

export async function listCourses(deps: Deps): Promise<{ items: CourseView[] }> {
  return { items: await courseViews(deps.db, undefined) };
}

async function getCourse(q: Queryable, id: string): Promise<CourseView> {
  const [view] = await courseViews(q, eq(trainingCourses.id, id));
  if (!view) throw notFound();
  return view;
}

export async function saveCourse(
  deps: Deps,
  options: { actor: Actor; courseId?: string; input: CourseInput },
): Promise<CourseView> {
  const { version, ...values } = options.input;
  return deps.db.transaction(async (tx) => {
    let id = options.courseId;
    if (id === undefined) {
      id = newId();
      await tx.insert(trainingCourses).values({
        id,
        ...values,
        organizationId: options.actor.organizationId,
        createdBy: options.actor.userId,
      });
    } else {
      if (version === undefined) throw new AppError('conflict.stale');
      const done = await tx
        .update(trainingCourses)
        .set({ ...values, updatedAt: deps.now(), version: sql`${trainingCourses.version} + 1` })
        .where(and(eq(trainingCourses.id, id), eq(trainingCourses.version, version)))
        .returning({ id: trainingCourses.id });
      if (done.length === 0) {
        const [exists] = await tx
          .select({ id: trainingCourses.id })
          .from(trainingCourses)
          .where(eq(trainingCourses.id, id));
        throw exists ? new AppError('conflict.stale') : notFound();
      }
    }
    await appendAudit(tx, {
      action: options.courseId ? 'update' : 'create',
      entityType: 'training_course',
      entityId: id,
      detail: { capacity: values.capacity },
    });
    return getCourse(tx, id);
  });
}

function enrolmentView(row: EnrolmentRow, course: CourseView): EnrolmentView {
  return {
    id: row.id,
    course,
    status: row.status as EnrolmentView['status'],
    attendedHours: row.attendedHours,
    completedOn: row.completedOn,
    certificateObtained: row.certificateObtained,
    certificateOn: row.certificateOn,
    version: row.version,
  };
}

/** A person's enrolments, newest course first. */
export async function personEnrolments(q: Queryable, personId: string): Promise<EnrolmentView[]> {
  const rows = await q
    .select()
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.personId, personId))
    .orderBy(asc(trainingEnrolments.createdAt));
  const courses = new Map((await courseViews(q, undefined)).map((course) => [course.id, course]));
  return rows.flatMap((row) => {
    const course = courses.get(row.courseId);
    return course ? [enrolmentView(row, course)] : [];
  });
}

/** Enrols a person in a course with a free place; the capacity is checked under a lock on the course row. */
export async function enrolPerson(
  deps: Deps,
  options: { actor: Actor; personId: string; courseId: string },
): Promise<EnrolmentView> {
  const person = await personInScope(deps, options.actor, options.personId, 'training_enrolment');
  try {
    return await deps.db.transaction(async (tx) => {
      const [course] = await tx
        .select()
        .from(trainingCourses)
        .where(eq(trainingCourses.id, options.courseId))
        .for('update');
      if (!course) throw notFound();
      const view = await getCourse(tx, course.id);
      if (view.enrolled >= course.capacity)
        throw new AppError('rule.violation', {
          detail: { ko: '이 과정은 정원이 찼습니다.', en: 'This course is full.' },
        });
      const id = newId();
      const [row] = await tx
        .insert(trainingEnrolments)
        .values({ id, courseId: course.id, personId: person.id, createdBy: options.actor.userId })
        .returning();
      await appendAudit(tx, {
        action: 'create',
        entityType: 'training_enrolment',
        entityId: id,
        subjectId: person.id,
        detail: { courseId: course.id },
      });
      return enrolmentView(row as EnrolmentRow, await getCourse(tx, course.id));
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict.duplicate', {
        detail: {
          ko: '이미 이 과정에 등록되어 있습니다.',
          en: 'The person is already enrolled in this course.',
        },
      });
    throw error;
  }
}

/** Records attendance, completion or drop-out and a certificate, at the version the user saw. */
export async function changeEnrolment(
  deps: Deps,
  options: { actor: Actor; enrolmentId: string; change: EnrolmentChange },
): Promise<EnrolmentView> {
  const [existing] = await deps.db
    .select()
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.id, options.enrolmentId));
  if (!existing) throw notFound();
  await personInScope(deps, options.actor, existing.personId, 'training_enrolment');
  const { version, ...values } = options.change;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(trainingEnrolments)
      .set({ ...values, updatedAt: deps.now(), version: version + 1 })
      .where(and(eq(trainingEnrolments.id, existing.id), eq(trainingEnrolments.version, version)))
      .returning();
    if (!row) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'training_enrolment',
      entityId: row.id,
      subjectId: row.personId,
      detail: { status: row.status, certificate: row.certificateObtained !== null },
    });
    return enrolmentView(row, await getCourse(tx, row.courseId));
  });
}

/** A course with the enrolments of persons the reader may see (others are counted in `enrolled` only). */
export async function courseEnrolments(deps: Deps, options: { actor: Actor; courseId: string }) {
  const course = await getCourse(deps.db, options.courseId);
  const visible = personsFor(deps.db, personScopes(options.actor)).idsQuery();
  const rows = await deps.db
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.courseId, course.id), sql`${trainingEnrolments.personId} in ${visible}`))
    .orderBy(asc(trainingEnrolments.createdAt));
  const refs = await personRefs(
    deps,
    deps.db,
    rows.map((row) => row.personId),
  );
  return {
    course,
    items: rows.map((row) => {
      const { course: _course, ...rest } = enrolmentView(row, course);
      const person = refs.get(row.personId);
      if (!person) throw new Error('an enrolment without its person');
      return { ...rest, person };
    }),
  };
}
