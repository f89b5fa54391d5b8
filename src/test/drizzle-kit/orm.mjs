// Stands for ving's #ving/drizzle/orm.mjs, as its generated table files use it: Drizzle's MySQL column
// builders, and the mediumText type ving defines (Drizzle has none).
import { customType } from 'drizzle-orm/mysql-core';

export * from 'drizzle-orm/mysql-core';
export const mediumText = customType({ dataType() { return 'mediumtext'; } });
