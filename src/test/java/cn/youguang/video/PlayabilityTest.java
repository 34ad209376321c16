package cn.youguang.video;

import cn.youguang.media.MediaConfig;
import cn.youguang.media.MediaTools;
import cn.youguang.testing.ConfigStubs;
import cn.youguang.testing.TestVideos;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real files made by ffmpeg, read by the real ffprobe: what phones can decode is more than codec names. */
class PlayabilityTest {

    private final MediaTools tools = new MediaTools(ConfigStubs.of(MediaConfig.class,
            Map.of("ffprobe", "ffprobe", "ffmpeg", "ffmpeg")), new ObjectMapper());

    @Test
    void h264High444InYuv444pIsNotPlayableAndSaysWhy() throws Exception {
        Path file = TestVideos.h264High444(1);
        try {
            VideoProcessor.Facts facts = VideoProcessor.read(tools.probe(file.toString()));

            assertThat(facts.videoCodec()).isEqualTo("h264");
            assertThat(facts.playable()).isFalse();
            assertThat(facts.notes()).contains("High 4:4:4 Predictive").contains("yuv444p");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void h264HighInYuv420pWithAacIsPlayable() throws Exception {
        Path file = TestVideos.h264WithAac(1);
        try {
            VideoProcessor.Facts facts = VideoProcessor.read(tools.probe(file.toString()));

            assertThat(facts.playable()).isTrue();
            assertThat(facts.notes()).isNull();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
