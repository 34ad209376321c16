package cn.youguang.wechat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README tells operators to set YOUGUANG_WECHAT_TEMPLATES_REPORT_STATUS. Environment variables cannot be set
 * inside a running JVM, so this builds the configuration the way Quarkus does — application.properties plus an
 * environment source — and reads the WeChat mapping from it.
 */
class TemplateVariableTest {

    @Test
    void theReadmesEnvironmentVariableSetsTheReportStatusTemplate() throws IOException {
        SmallRyeConfig config = configWithEnvironment(Map.of(
                "YOUGUANG_WECHAT_APP_ID", "wx1", "YOUGUANG_WECHAT_TEMPLATES_REPORT_STATUS", "TPL-from-env"));

        assertThat(Notifications.templateId(config.getConfigMapping(WeChatConfig.class), "report-status"))
                .isEqualTo("TPL-from-env");
    }

    @Test
    void withoutTheVariableNoTemplateIsConfigured() throws IOException {
        SmallRyeConfig config = configWithEnvironment(Map.of("YOUGUANG_WECHAT_APP_ID", "wx1"));

        assertThat(Notifications.templateId(config.getConfigMapping(WeChatConfig.class), "report-status")).isNull();
    }

    @Test
    void thePropertyFormStillWorks() throws IOException {
        SmallRyeConfig config = configWithEnvironment(Map.of("YOUGUANG_WECHAT_APP_ID", "wx1",
                "youguang.wechat.templates.report-status", "TPL-from-property"));

        assertThat(Notifications.templateId(config.getConfigMapping(WeChatConfig.class), "report-status"))
                .isEqualTo("TPL-from-property");
    }

    private static SmallRyeConfig configWithEnvironment(Map<String, String> env) throws IOException {
        URL properties = TemplateVariableTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new EnvConfigSource(env, 300))
                .withMapping(WeChatConfig.class)
                .build();
    }
}
