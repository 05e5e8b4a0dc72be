export * from './platform/audit';
export * from './platform/permissions';
export * from './platform/regions';
export * from './platform/roles';
export * from './platform/schemas';
