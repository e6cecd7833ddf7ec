package org.parkhub.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A command line that runs a class of this build in a JVM of its own (for tests that kill it). */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** java [options] -cp &lt;the test class path&gt; mainClass args... */
    public static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** The test JVM's own class path (surefire's full one where it gives it). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
