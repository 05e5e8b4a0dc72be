// Every table of the application, for drizzle-kit and for typed queries. Modules add their schema files here.

export * from '../../modules/appointments/schema';
export * from '../../modules/cases/schema';
export * from '../../modules/jobs/schema';
export * from '../../modules/plan/schema';
export * from '../../modules/protection/schema';
export * from '../../modules/referrals/schema';
export * from '../../modules/registry/schema';
export * from '../../modules/timeline/schema';
export * from './schema';
