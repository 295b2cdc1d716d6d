package hotline.bench.search;

import hotline.search.SearchDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic corpus of hotline cases: case {@code i} depends only on the seed and {@code i}, so the
 * Lucene and PostgreSQL runs see the same text without keeping a million cases in memory. The text imitates how
 * callers and agents write: mostly Chinese, some English, some mixed, the same problem said in many words
 * (漏水/渗水/冒水/leaking ...), with locations, times, agent notes, resolutions and satisfaction scores.
 */
public final class CaseCorpus {

    /** A kind of problem and the words callers use for it. */
    public record Topic(String name, String type, List<String> chinese, List<String> english, List<String> details,
                        List<String> resolutions) {
    }

    /** One generated case with the topic it was generated from (the known answer for recall). */
    public record Case(SearchDocument document, Topic topic, String fullText) {
    }

    public static final List<Topic> TOPICS = List.of(
            new Topic("leak", "repair", List.of("漏水", "渗水", "冒水", "滴水", "跑水"),
                    List.of("leak", "leaking", "leaks", "seepage"),
                    List.of("地上全是水", "墙面都湿了", "水一直往外流", "楼下邻居说天花板在滴", "接头那里一直在流"),
                    List.of("更换接头，已修复", "更换DN25阀门，试水正常", "紧固管件，漏点已处理")),
            new Topic("burst", "repair", List.of("爆管", "水管爆裂", "管道爆裂", "管子爆了"),
                    List.of("burst main", "burst pipe", "pipe burst"),
                    List.of("水喷得很高", "路面被冲开了", "周围都淹了", "车都过不去了"),
                    List.of("关阀抢修，更换DN200管段", "夜间抢修完成，恢复供水", "更换爆裂管段，路面已恢复")),
            new Topic("low-pressure", "repair", List.of("水压低", "水压很低", "水压不足", "水流小"),
                    List.of("low pressure", "weak flow", "poor pressure"),
                    List.of("热水器打不着火", "洗澡都不行", "高峰时段基本没水", "楼上更严重"),
                    List.of("调整加压泵参数，水压恢复", "清洗前置过滤器，水压正常", "管网调度后压力恢复")),
            new Topic("no-supply", "repair", List.of("没水", "停水", "断水", "不来水"),
                    List.of("no water", "no supply", "water cut"),
                    List.of("整栋楼都没有", "也没有收到通知", "做饭都没法做", "已经好几个小时了"),
                    List.of("抢修完成后恢复供水", "属计划停水，已告知恢复时间", "阀门误关，已开启")),
            new Topic("turbid", "complaint", List.of("浑水", "黄水", "水发黄", "锈水"),
                    List.of("discoloured water", "brown water", "rusty water"),
                    List.of("放了很久还是不清", "洗的衣服都黄了", "不敢给孩子喝", "有很多沉淀"),
                    List.of("冲洗管网后水质恢复", "取样检测合格，已解释原因", "更换老旧镀锌管")),
            new Topic("odour", "complaint", List.of("异味", "怪味", "漂白粉味", "臭味"),
                    List.of("bad smell", "chlorine smell", "strange taste"),
                    List.of("烧开了也有", "闻着不舒服", "邻居家也一样", "早上特别明显"),
                    List.of("检测余氯正常，已解释", "清洗二次供水水箱", "排放管网末端存水")),
            new Topic("meter", "repair", List.of("水表坏了", "表不走", "水表不转", "水表故障"),
                    List.of("meter not working", "faulty meter", "meter stopped"),
                    List.of("用水了读数也不变", "表盘看不清", "表走得特别快", "玻璃碎了"),
                    List.of("更换水表，读数已登记", "检定合格，已告知用户", "清理表井，恢复计量")),
            new Topic("bill", "inquiry", List.of("水费太高", "水费高", "多收费", "账单过高"),
                    List.of("high bill", "overcharged", "bill too high"),
                    List.of("比上个月多了一倍", "家里就两个人", "怀疑抄错了", "没有用那么多水"),
                    List.of("核实为估抄，已更正账单", "查实内漏，指导用户报修", "读数无误，已解释阶梯水价")),
            new Topic("sewage", "repair", List.of("下水道堵", "堵塞", "污水外溢", "返水"),
                    List.of("blocked drain", "sewage overflow", "clogged drain"),
                    List.of("味道很大", "一楼都进水了", "井盖往外冒", "下雨更严重"),
                    List.of("疏通完成", "清掏检查井，已恢复", "转排水公司处理")),
            new Topic("noise", "complaint", List.of("水锤", "管道异响", "噪音", "嗡嗡响"),
                    List.of("water hammer", "knocking pipes", "noise"),
                    List.of("半夜吵得睡不着", "一开水龙头就响", "泵房声音很大", "整栋楼都能听到"),
                    List.of("加装减压阀，异响消除", "泵房加装减震垫", "调整水泵运行时段")));

    private static final int[] TOPIC_WEIGHTS = {20, 8, 12, 12, 8, 5, 10, 12, 8, 5};

    public static final List<String> DISTRICTS = List.of("dongcheng", "xicheng", "haidian", "chaoyang", "fengtai",
            "shijingshan", "tongzhou", "changping", "daxing", "shunyi", "fangshan", "mentougou");
    private static final List<String> TIERS = List.of("key", "ordinary", "ordinary", "ordinary", "small");
    private static final List<String> CHANNELS = List.of("phone", "phone", "phone", "ivr", "web", "walk_in");
    private static final List<String> TIMES = List.of("今天早上", "昨天晚上", "从前天开始", "刚才", "这两天",
            "凌晨三点左右", "下午", "一大早");
    private static final List<String> PLACES = List.of("门口", "小区里", "楼道里", "家里厨房", "卫生间", "路边",
            "单元门前", "地下室", "三楼", "院子里", "马路上", "菜市场旁边");
    private static final List<String> TAILS = List.of("了", "得很厉害", "，一直没停", "了好几天", "");
    private static final List<String> REQUESTS = List.of("请尽快派人来看看。", "希望尽快处理。",
            "家里有老人，很着急。", "已经打过两次电话了。", "麻烦帮忙查一下。", "");
    private static final List<String> ROADS = List.of("幸福路", "人民路", "解放路", "中山路", "建设路", "和平街",
            "长江路", "黄河路", "新华路", "光明街", "文化路", "滨河路");
    private static final List<String> ROADS_EN = List.of("Renmin Road", "Jiefang Road", "Zhongshan Road",
            "Heping Street", "Xinhua Road", "Binhe Road");
    private static final List<String> EN_TIMES = List.of("This morning", "Since yesterday", "Last night",
            "For two days", "Right now");
    private static final List<String> EN_PLACES = List.of("in the kitchen", "outside the gate", "in the basement",
            "on the street", "in the bathroom", "near the meter");
    private static final List<String> EN_DETAILS = List.of("Water everywhere on the floor.",
            "Neighbours have the same problem.", "Please send someone soon.", "My elderly mother lives alone.",
            "I called twice already.");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
            "勇", "艳", "杰", "娟", "涛");
    private static final List<String> DISPATCH = List.of("已派单至维修班组", "已转二次供水班组", "已通知管网所",
            "坐席已电话回复用户");
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    private final long seed;

    public CaseCorpus(long seed) {
        this.seed = seed;
    }

    /** Case {@code id} (1-based); the same arguments always give the same case. */
    public Case generate(long id) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + id);
        Topic topic = TOPICS.get(weighted(r));
        int language = r.nextInt(100);
        String district = pick(r, DISTRICTS);
        String subject;
        String description;
        String location;
        if (language < 15) {
            String term = pick(r, topic.english());
            subject = capitalise(term) + " at " + pick(r, ROADS_EN);
            description = pick(r, EN_TIMES) + " there is " + term + " " + pick(r, EN_PLACES) + ". "
                    + pick(r, EN_DETAILS) + " " + pick(r, EN_DETAILS);
            location = "No. " + (1 + r.nextInt(300)) + " " + pick(r, ROADS_EN);
        } else {
            String term = pick(r, topic.chinese());
            String place = pick(r, PLACES);
            subject = r.nextBoolean() ? place + term : term;
            description = pick(r, TIMES) + place + term + pick(r, TAILS) + "，" + pick(r, topic.details()) + "。"
                    + (language < 25 ? "Neighbour says it is " + pick(r, topic.english()) + ". " : "")
                    + pick(r, REQUESTS);
            location = pick(r, ROADS) + (1 + r.nextInt(300)) + "号" + (1 + r.nextInt(20)) + "栋";
        }
        boolean closed = r.nextInt(100) < 60;
        List<String> events = new ArrayList<>();
        events.add(pick(r, DISPATCH));
        String resolution = null;
        Integer satisfaction = null;
        if (closed) {
            resolution = pick(r, topic.resolutions());
            events.add("处理结果：" + resolution);
            satisfaction = 1 + r.nextInt(5);
            events.add(satisfaction >= 4 ? "回访用户，用户表示满意" : "回访用户，用户表示不满意");
        }
        Instant created = START.plus(Duration.ofMinutes(id * 2 + r.nextInt(2)));
        Instant updated = created.plus(Duration.ofHours(1 + r.nextInt(72)));
        String name = pick(r, SURNAMES) + pick(r, GIVEN) + (r.nextBoolean() ? pick(r, GIVEN) : "");
        String account = String.format("%02d%08d", DISTRICTS.indexOf(district) + 1, id);
        String phone = String.format("13%09d", Math.floorMod(id * 7_919L + seed, 1_000_000_000L));
        SearchDocument document = new SearchDocument(id,
                String.format("HL-%s-%06d", "2025" + String.format("%04d", 101 + (int) (id % 28)), id % 1_000_000),
                topic.type(), closed ? "closed" : "open", pick(r, CHANNELS), district, pick(r, TIERS), created,
                updated, closed ? updated : null, subject, description, location, events, name, account,
                List.of(phone), location, resolution, satisfaction);
        String fullText = subject + "\n" + description + "\n" + location + "\n" + String.join("\n", events);
        return new Case(document, topic, fullText);
    }

    private static int weighted(SplittableRandom r) {
        int total = 0;
        for (int w : TOPIC_WEIGHTS) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < TOPIC_WEIGHTS.length; i++) {
            x -= TOPIC_WEIGHTS[i];
            if (x < 0) {
                return i;
            }
        }
        throw new AssertionError("weights exhausted");
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
