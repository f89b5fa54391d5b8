package io.quarkiverse.ving.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Expected values were computed with ving's miniHash run in Node. */
class KeyNamesTest {

    @Test
    void miniHashMatchesVingsForItsOwnForeignKeys() {
        assertEquals("39d62890", KeyNames.miniHash("users_avatar"));
        assertEquals("40cb3d4d", KeyNames.miniHash("s3files_user"));
    }

    @Test
    void miniHashIsNotPadded() {
        assertEquals("90ada4", KeyNames.miniHash("apikeys_user"));
        assertEquals("d51d66c", KeyNames.miniHash("éü_名前"));
    }

    @Test
    void miniHashOfTheSmallestIntegerIsItsMagnitude() {
        // JavaScript's Math.abs(-2147483648) is 2147483648; Java's Math.abs on an int would stay negative.
        assertEquals("80000000", KeyNames.miniHash("polygenelubricants"));
    }

    @Test
    void uniquePropWithoutQualifiersIsAnIndexNamedAfterIt() {
        assertEquals("emailIndex", KeyNames.uniqueIndex("email"));
    }

    @Test
    void compositeUniqueJoinsPropAndQualifiers() {
        assertEquals("name_userId_16adce7a_uq", KeyNames.compositeUnique(List.of("name", "userId")));
    }

    @Test
    void foreignKeyJoinsTableAndRelation() {
        assertEquals("users_avatar_39d62890_fk", KeyNames.foreignKey("users", "avatar"));
        assertEquals("apikeys_user_90ada4_fk", KeyNames.foreignKey("apikeys", "user"));
    }

    @Test
    void longNamesKeep48CharactersButHashTheWhole() {
        assertEquals("a_very_long_table_name_for_testing_purposes_only_7005b8d5_fk",
                KeyNames.foreignKey("a_very_long_table_name_for_testing_purposes_only", "relation"));
    }

    @Test
    void derivedNamesStayWithinMySqlsLimitHoweverLongTheirParts() {
        String longest = "a".repeat(200);
        // 48 readable characters, "_", at most 8 hex digits, "_fk" or "_uq": 60
        for (String name : List.of(KeyNames.foreignKey(longest, longest), KeyNames.compositeUnique(List.of(longest, longest)))) {
            assertTrue(name.length() <= TableLimits.MAX_NAME_LENGTH, name);
        }
    }
}
