// Every table of the application, for drizzle-kit and for typed queries. Modules add their schema files here.

export * from '../../modules/registry/schema';
export * from './schema';
export * from '../../modules/timeline/schema';
export * from '../../modules/cases/schema';
