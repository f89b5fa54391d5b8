package io.quarkiverse.ving.sql;

/**
 * What an insert, update or delete did, as ving reads it from mysql2's result header.
 *
 * @param affectedRows how many rows it changed
 * @param insertId the first id an insert generated, 0 when none
 */
public record WriteResult(long affectedRows, long insertId) {
}
