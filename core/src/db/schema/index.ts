export * from './identity.ts';
export * from './tenancy.ts';
export * from './audit.ts';
export * from './messaging.ts';
export * from './plugins.ts';
export * from './jobs.ts';
