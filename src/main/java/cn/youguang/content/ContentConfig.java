package cn.youguang.content;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** The content/ folder: Markdown with YAML front matter, the source of truth for stories, articles, collections. */
@ConfigMapping(prefix = "youguang.content")
public interface ContentConfig {

    /** Folder holding stories/, articles/ and collections/. */
    @WithDefault("content")
    String dir();

    /** Import the folder when the service starts (idempotent: unchanged files write nothing). */
    @WithDefault("true")
    boolean importOnStart();

    /** Time zone of dates written without one in front matter (published: 2024-12-01). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Largest image the importer stores from content/. */
    @WithDefault("10485760")
    long maxImageBytes();
}
