package cn.youguang.auth;

/** WECHAT: a mini-program user known by openid; STAFF: a console account with username and password. */
public enum AccountKind {
    WECHAT, STAFF
}
