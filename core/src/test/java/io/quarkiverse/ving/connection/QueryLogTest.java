package io.quarkiverse.ving.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueryLogTest {

    @Test
    void anEntryIsVingsJson() {
        assertEquals("{\"query\":\"select ? from `t` where `t`.`a` = ?\",\"params\":[1,\"it's \\\"x\\\"\",true,null,\"2026-11-22T10:15:30\"]}",
                QueryLog.format("select ? from `t` where `t`.`a` = ?",
                        Arrays.asList(1, "it's \"x\"", true, null, LocalDateTime.of(2026, 11, 22, 10, 15, 30))));
    }

    @Test
    void aStatementWithoutParameters() {
        assertEquals("{\"query\":\"create table x (id int)\",\"params\":[]}", QueryLog.format("create table x (id int)", List.of()));
    }
}
