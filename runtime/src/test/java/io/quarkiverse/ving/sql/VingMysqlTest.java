package io.quarkiverse.ving.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VingMysqlTest {

    @Test
    void readsEveryPart() {
        assertEquals(new VingMysql("ving", "vingPass", "localhost", 3306, "ving", true),
                VingMysql.parse("mysql://ving:vingPass@localhost:3306/ving?log=yes"));
    }

    @Test
    void portDefaultsTo3306AndLogToNo() {
        assertEquals(new VingMysql("root", "", "db.example", 3306, "app", false), VingMysql.parse("mysql://root@db.example/app"));
    }

    @Test
    void percentEncodedPasswordsAreDecoded() {
        assertEquals("p@ss:w/rd+1", VingMysql.parse("mysql://u:p%40ss%3Aw%2Frd+1@h/d").password());
    }

    @Test
    void theJdbcUrlAllowsSeveralStatements() {
        assertEquals("jdbc:mariadb://h:3307/d?allowMultiQueries=true", VingMysql.parse("mysql://u:p@h:3307/d").jdbcUrl());
    }

    @Test
    void errorsNameTheVariableAndNeverThePassword() {
        assertEquals("VING_MYSQL is not a valid connection URL: its scheme is 'postgres'; it must start with mysql://.",
                message("postgres://u:secret@h/d"));
        assertEquals("VING_MYSQL is not a valid connection URL: it names no database; add it after the host: "
                + "mysql://user:password@h/database.", message("mysql://u:secret@h"));
        assertEquals("VING_MYSQL is not a valid connection URL: it names no user; write it as mysql://user:password@h/d.",
                message("mysql://h/d"));
        assertEquals("VING_MYSQL is not a valid connection URL: log must be yes or no, not 'true'.",
                message("mysql://u:secret@h/d?log=true"));
        assertEquals("VING_MYSQL is not a valid connection URL: it is empty; set it as mysql://user:password@host:3306/database.",
                message(" "));
        assertFalse(message("mysql://u:sec ret@h/d").contains("sec ret"), message("mysql://u:sec ret@h/d"));
        assertFalse(VingMysql.parse("mysql://u:secret@h/d").toString().contains("secret"));
    }

    private static String message(String value) {
        return assertThrows(IllegalArgumentException.class, () -> VingMysql.parse(value)).getMessage();
    }
}
