import { contentModule } from './content-module.ts';

export default contentModule;
export * from './articles/index.ts';
