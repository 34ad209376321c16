package cn.youguang;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of docs/architecture.md: features depend on common and on the features below them, never back,
 * so the packages form a DAG. A new edge that points upwards, or a cycle, fails here.
 */
class ArchitectureTest {

    private static final String ROOT = "cn.youguang";

    /**
     * Each feature and the features it may use (common is allowed everywhere). Mirrors the picture in
     * docs/architecture.md; a change to either goes with a change to the other.
     */
    static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("common", List.of()),
            Map.entry("media", List.of()),
            Map.entry("wechat", List.of("media")),
            Map.entry("auth", List.of("wechat")),
            Map.entry("content", List.of("media")),
            Map.entry("tag", List.of("content")),
            Map.entry("video", List.of("media", "content", "tag")),
            Map.entry("story", List.of("content", "tag", "video", "media", "wechat")),
            Map.entry("collection", List.of("content", "story")),
            Map.entry("article", List.of("content", "tag")),
            Map.entry("feedback", List.of("auth", "media", "wechat")),
            Map.entry("club", List.of("auth", "media", "wechat")),
            Map.entry("editorial", List.of("auth", "content", "story", "article", "collection", "video", "media")),
            Map.entry("search", List.of("content")),
            Map.entry("engagement", List.of("content")),
            Map.entry("webhook", List.of("content")),
            Map.entry("privacy", List.of("auth", "media")),
            Map.entry("readcache", List.of("content")),
            Map.entry("console", List.of("auth", "club", "editorial", "content", "feedback", "media", "video")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void packagesFormNoCycle() {
        SlicesRuleDefinition.slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage(features(List.of()))
                .check(classes);
    }

    @Test
    void eachFeatureUsesOnlyThePackagesBelowIt() {
        ALLOWED.forEach((feature, allowed) -> {
            if (feature.equals("common")) {
                return;
            }
            List<String> forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(feature) && !other.equals("common") && !allowed.contains(other))
                    .map(other -> ROOT + "." + other + "..").toList();
            noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("docs/architecture.md lets " + feature + " use only " + allowed + " and common")
                    .check(classes);
        });
    }

    @Test
    void everyPackageIsPlaced() {
        List<String> unplaced = classes.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .distinct()
                .filter(p -> !ALLOWED.containsKey(p))
                .toList();
        org.assertj.core.api.Assertions.assertThat(unplaced)
                .as("packages missing from ArchitectureTest.ALLOWED and docs/architecture.md").isEmpty();
    }

    private static String[] features(List<String> except) {
        return ALLOWED.keySet().stream().filter(f -> !f.equals("common") && !except.contains(f))
                .map(f -> ROOT + "." + f + "..").toArray(String[]::new);
    }
}
