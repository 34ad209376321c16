package cn.youguang.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link WeChatApiMock} for every test application (a global test resource). */
@QuarkusTestResource(WeChatApiMock.class)
public class WeChatApiMockResource {
}
