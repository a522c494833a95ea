package ca.scalloy.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One run of the command line in-process: exit status, standard output and standard error. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        return withEnvironment(System.getenv(), args);
    }

    /** A run with these environment variables in place of the process's (e.g. SCALLOY_DB_PASSWORD). */
    static CliRun withEnvironment(java.util.Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScalloyCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out);
    }
}
