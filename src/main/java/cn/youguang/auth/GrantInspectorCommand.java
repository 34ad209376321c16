package cn.youguang.auth;

import cn.youguang.common.ServerCommand;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code grant-inspector USERNAME}: makes a console account an inspector; how the first inspector is made. */
@ApplicationScoped
public class GrantInspectorCommand implements ServerCommand {

    private final InspectorGrants grants;

    public GrantInspectorCommand(InspectorGrants grants) {
        this.grants = grants;
    }

    @Override
    public String name() {
        return "grant-inspector";
    }

    @Override
    public int run(String... args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.out.println("usage: grant-inspector USERNAME");
            return 2;
        }
        try {
            grants.grantByServer(args[0]);
            System.out.println(args[0] + " is an inspector");
            return 0;
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            return 1;
        }
    }
}
