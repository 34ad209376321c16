package cn.youguang.common;

/**
 * A command run from the command line against the configured database instead of serving (`java -jar … NAME
 * args`). Features contribute commands as beans; the main class runs the one named.
 */
public interface ServerCommand {

    String name();

    /** @return the process's exit status */
    int run(String... args);
}
