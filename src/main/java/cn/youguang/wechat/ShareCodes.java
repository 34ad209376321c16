package cn.youguang.wechat;

import cn.youguang.common.Hashes;
import cn.youguang.media.MediaFormat;
import cn.youguang.media.ObjectStore;
import cn.youguang.story.StoryService;
import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Mini-program codes (小程序码) that open a story. WeChat draws each code once; it is then kept in the object
 * store, keyed by everything that changes the picture, and served from there.
 */
@ApplicationScoped
public class ShareCodes {

    /** WeChat's limit on the scene parameter. */
    static final int MAX_SCENE = 32;
    private static final int WIDTH = 430;

    private final WeChat weChat;
    private final ObjectStore store;
    private final StoryService stories;

    public ShareCodes(WeChat weChat, ObjectStore store, StoryService stories) {
        this.weChat = weChat;
        this.store = store;
        this.stories = stories;
    }

    /** The object key of the story's share code, drawing and storing it on first use. */
    public String forStory(String slug) {
        stories.published(slug);
        if (slug.length() > MAX_SCENE) {
            throw new ProblemException(422, "Unprocessable Content", "A share code can carry at most " + MAX_SCENE
                    + " characters; this story's slug is longer", java.util.List.of());
        }
        String page = weChat.config().storyPage();
        String env = weChat.config().envVersion();
        String key = ObjectStore.PUBLIC_PREFIX + "wxacode/story-" + slug + "-" + fingerprint(page + "|" + env + "|" + WIDTH) + ".png";
        if (store.exists(key)) {
            return key;
        }
        byte[] image = weChat.call("getwxacodeunlimit", wx -> wx.getQrcodeService()
                .createWxaCodeUnlimitBytes(slug, page, false, env, WIDTH, false, null, false));
        MediaFormat type = MediaFormat.detect(image == null ? new byte[0] : image)
                .filter(MediaFormat::isWebImage)
                .orElseThrow(() -> ProblemException.badGateway("WeChat did not answer with an image"));
        store.put(key, image, type.mediaType());
        return key;
    }

    private static String fingerprint(String value) {
        return Hashes.sha256Hex(value).substring(0, 12);
    }
}
