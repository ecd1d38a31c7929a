package io.karapace.jvm.backup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage, help and exit codes that need no Kafka. */
class BackupCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheSubCommandsAndTheirOptions() {
        BackupRestoreTest.Result top = BackupRestoreTest.run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("get") && top.out().contains("restore") && top.out().contains("inspect")
                && top.out().contains("verify"), top.out());
        BackupRestoreTest.Result restore = BackupRestoreTest.run("restore", "--help");
        assertEquals(0, restore.code());
        for (String option : new String[] {"--config", "--location", "--topic", "--skip-topic-creation",
                "--override-replication-factor", "--allow-non-empty"}) {
            assertTrue(restore.out().contains(option), option + " in " + restore.out());
        }
    }

    @Test
    void usageErrorsExitWithPicocliTwo() {
        assertEquals(2, BackupRestoreTest.run().code());
        assertEquals(2, BackupRestoreTest.run("get", "--location", "x").code()); // --config is required
        assertEquals(2, BackupRestoreTest.run("verify", "--location", "x", "--level", "bytes").code());
        assertEquals(2, BackupRestoreTest.run("frobnicate").code());
    }

    @Test
    void aBadConfigExitsWithOne() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.json"), "{\"port\": \"not a port\"}");
        BackupRestoreTest.Result get = BackupRestoreTest.run("get", "--config", config.toString(), "--location",
                dir.resolve("out").toString());
        assertEquals(1, get.code(), get.err());
        assertTrue(get.err().contains("port"), get.err());
    }

    @Test
    void aMissingOrEmptyBackupExitsWithThree() throws Exception {
        assertEquals(3, BackupRestoreTest.run("inspect", "--location", dir.resolve("none").toString()).code());
        Path empty = Files.createFile(dir.resolve("empty"));
        assertEquals(3, BackupRestoreTest.run("verify", "--location", empty.toString(), "--level", "file").code());
    }

    @Test
    void inspectPrintsTheVersionOfLegacyFiles() throws Exception {
        // Karapace backup/api.py inspect prints {"version": n} for formats without metadata
        Path v2 = Files.writeString(dir.resolve("v2"), "/V2\n");
        BackupRestoreTest.Result inspect = BackupRestoreTest.run("inspect", "--location", v2.toString());
        assertEquals(0, inspect.code(), inspect.err());
        assertEquals("{\n  \"version\" : 2\n}", inspect.out().strip());
    }
}
