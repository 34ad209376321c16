package cn.youguang.common;

import java.util.Set;

/** The roles of the brief; each endpoint names the ones it admits. Values are what the JWT groups claim carries. */
public final class Role {

    /** any WeChat user of the mini-program */
    public static final String CITIZEN = "citizen";
    /** a verified young cadre of the reading club */
    public static final String CADRE = "cadre";
    public static final String EDITOR = "editor";
    public static final String REVIEWER = "reviewer";
    public static final String MODERATOR = "moderator";
    public static final String DISPATCHER = "dispatcher";
    /** 纪检: alone handles supervision reports */
    public static final String INSPECTOR = "inspector";
    public static final String ADMIN = "admin";
    /** 承办单位: a member of a handling unit, who sees and handles that unit's street reports only */
    public static final String HANDLER = "handler";
    /** 上级纪检监察机关: the receiving body's reviewer, who sees only supervision reports transferred to that body */
    public static final String SUPERIOR = "superior";

    public static final Set<String> ALL = Set.of(CITIZEN, CADRE, EDITOR, REVIEWER, MODERATOR, DISPATCHER, INSPECTOR, ADMIN,
            HANDLER, SUPERIOR);
    /** roles a console (staff) account may hold */
    public static final Set<String> STAFF = Set.of(EDITOR, REVIEWER, MODERATOR, DISPATCHER, INSPECTOR, ADMIN, HANDLER,
            SUPERIOR);
    /** roles a WeChat account may hold */
    public static final Set<String> WECHAT = Set.of(CITIZEN, CADRE);

    private Role() {
    }
}
