package io.quarkiverse.ving.connection;

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
    void databaseNamesWithDashesPassAndLettersBeyondAsciiDoNot() {
        assertEquals("my-app_2", VingMysql.parse("mysql://u@h/my-app_2").database());
        // the Vert.x client's URL parser refuses them (and $), at start-up
        assertEquals("VING_MYSQL is not a valid connection URL: the database name 'données' holds characters ving does not"
                + " pass to the drivers; name a database of at most 64 ASCII letters, digits, _ and -.",
                message("mysql://u@h/donn%C3%A9es"));
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
        assertEquals("VING_MYSQL is not a valid connection URL: its port 'abc' is not a number; write it as "
                + "mysql://user:password@host:3306/database.", message("mysql://root@127.0.0.1:abc/db"));
        assertEquals("VING_MYSQL is not a valid connection URL: its port 0 is not a TCP port (1 to 65535).",
                message("mysql://root@127.0.0.1:0/db"));
        assertEquals("VING_MYSQL is not a valid connection URL: its port 99999 is not a TCP port (1 to 65535).",
                message("mysql://root@127.0.0.1:99999/db"));
        assertEquals("VING_MYSQL is not a valid connection URL: the database name 'my?db' holds characters ving does not pass"
                + " to the drivers; name a database of at most 64 ASCII letters, digits, _ and -.", message("mysql://root@h/my%3Fdb"));
        assertFalse(message("mysql://u:secret/d").contains("secret"), message("mysql://u:secret/d"));
        assertFalse(message("mysql://u:sec ret@h/d").contains("sec ret"), message("mysql://u:sec ret@h/d"));
        assertFalse(VingMysql.parse("mysql://u:secret@h/d").toString().contains("secret"));
    }

    private static String message(String value) {
        return assertThrows(IllegalArgumentException.class, () -> VingMysql.parse(value)).getMessage();
    }

    @Test
    void aSettingWritesTheUrlThatReadsBackAsIt() {
        for (VingMysql setting : new VingMysql[] {
                new VingMysql("root", "", "127.0.0.1", 3306, "ving", false),
                new VingMysql("u s+er", "p@ss:w/rd+1 %é", "db.example", 13306, "my-app_2", true),
                new VingMysql("root", "x", "[::1]", 3307, "d", false) }) { // an IPv6 host as parse gives it
            assertEquals(setting, VingMysql.parse(setting.url()), setting.url());
        }
    }
}
