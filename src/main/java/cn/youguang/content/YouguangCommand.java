package cn.youguang.content;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Entry point. Without arguments the service runs until stopped; {@code import} imports content/ once, prints
 * the report and exits (status 1 when a file had problems), for re-importing on demand from the command line.
 */
@QuarkusMain
public class YouguangCommand implements QuarkusApplication {

    @Inject
    ContentImporter importer;

    static boolean isImport(String[] args) {
        return args != null && args.length > 0 && "import".equals(args[0]);
    }

    @Override
    public int run(String... args) {
        if (!isImport(args)) {
            Quarkus.waitForExit();
            return 0;
        }
        ImportReport report = args.length > 1 ? importer.importFrom(java.nio.file.Path.of(args[1])) : importer.importAll();
        System.out.println(report.summary());
        report.problems().forEach(p -> System.out.println("  " + p));
        return report.ok() ? 0 : 1;
    }
}
