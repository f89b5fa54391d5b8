import { baseSchemaId, baseSchemaCreatedAt, baseSchemaUpdatedAt, dbVarChar } from '../../helpers.mjs';

// A kind of the named datasource "orders" (NamedDevPushTest); ignored by applications without that datasource.
export const gadgetSchema = {
    kind: 'Gadget',
    tableName: 'gadgets',
    owner: [],
    props: [
        { ...baseSchemaId },
        { ...baseSchemaCreatedAt },
        { ...baseSchemaUpdatedAt },
        {
            type: "string",
            name: "label",
            required: true,
            length: 60,
            default: '',
            db: (prop) => dbVarChar(prop),
            view: ['public'],
            edit: [],
        },
    ],
};
