import { baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt, dbVarChar } from '../helpers.mjs';

// The schema the dev-mode test edits (VingDevModeTest): its copy under the test's project is changed, never this file.
export const widgetSchema = {
    kind: 'Widget',
    tableName: 'widgets',
    owner: [],
    props: [
        { ...baseSchemaId },
        { ...baseSchemaCreatedAt },
        { ...baseSchemaUpdatedAt },
        {
            type: "string",
            name: "name",
            required: true,
            length: 60,
            default: '',
            db: (prop) => dbVarChar(prop),
            view: ['public'],
            edit: [],
        },
    ],
};
