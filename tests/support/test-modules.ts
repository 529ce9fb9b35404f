/** Extra packages loaded in tests besides the built-in modules (plugins under test). */
export const testModules: string[] = [];
