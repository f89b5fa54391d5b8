import { boolean, mysqlEnum, mysqlTable, timestamp, datetime, uniqueIndex, unique, char, varchar, text, int, bigint, json, customType, foreignKey } from 'drizzle-orm/mysql-core';
const mediumText = customType({ dataType() { return 'mediumtext'; } });

export const CronJobTable = mysqlTable('cronjobs', {
    id: bigint('id', {mode:'number', unsigned: true}).notNull().autoincrement().primaryKey(),
    createdAt: timestamp('createdAt').defaultNow().notNull(),
    updatedAt: timestamp('updatedAt').defaultNow().notNull().onUpdateNow(),
    schedule: varchar('schedule', { length: 60 }).notNull().default('* * * * *'),
    handler: varchar('handler', { length: 60 }).notNull().default('Test'),
    params: json('params').notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    note: text('note').notNull(),
    lastRunAt: datetime('lastRunAt').default('1000-01-01 00:00:00').notNull(),
    runCount: bigint('runCount', {mode:'number', unsigned: true}).notNull().default(0),
    publicId: char('publicId', { length: 36 }).notNull(),
}, (table) => ([
]));
