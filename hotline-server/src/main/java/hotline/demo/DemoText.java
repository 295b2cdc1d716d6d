package hotline.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic words of the trade for demo data: people, organisations, addresses and what callers say, in
 * Chinese and English, drawn from a seeded random source so every demo start (and every benchmark) sees the same.
 * Not thread-safe: one instance per generating thread.
 */
public final class DemoText {

    /** District codes with their names; the code is what tickets and customers store. */
    public static final List<String[]> DISTRICTS = List.of(
            new String[] {"XH", "西湖片区", "Xihu"}, new String[] {"SC", "上城片区", "Shangcheng"},
            new String[] {"GS", "拱墅片区", "Gongshu"}, new String[] {"BJ", "滨江片区", "Binjiang"},
            new String[] {"XS", "萧山片区", "Xiaoshan"}, new String[] {"YH", "余杭片区", "Yuhang"},
            new String[] {"LP", "临平片区", "Linping"}, new String[] {"QT", "钱塘片区", "Qiantang"});

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强"};
    private static final String[] ENGLISH_FIRST = {"James", "Mary", "David", "Linda", "Michael", "Sarah", "Peter",
            "Emma", "Thomas", "Anna"};
    private static final String[] ENGLISH_LAST = {"Smith", "Brown", "Wilson", "Taylor", "Clarke", "Walker", "Hughes",
            "Wright"};
    private static final String[] STREETS = {"人民路", "解放路", "延安路", "文三路", "学院路", "建国路", "凤起路",
            "庆春路", "体育场路", "莫干山路", "江南大道", "滨盛路"};
    private static final String[] ENGLISH_STREETS = {"Riverside Road", "Station Street", "Lake View Avenue",
            "Garden Lane"};

    private final SplittableRandom random;

    public DemoText(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    public String[] district() {
        return pick(DISTRICTS);
    }

    public String chineseName() {
        return pick(SURNAMES) + pick(GIVEN);
    }

    public String englishName() {
        return pick(ENGLISH_FIRST) + " " + pick(ENGLISH_LAST);
    }

    /** A street address inside {@code district} (its Chinese name), Chinese style or, now and then, English. */
    public String address(String[] district) {
        if (chance(0.1)) {
            return (1 + nextInt(200)) + " " + pick(ENGLISH_STREETS) + ", " + district[2];
        }
        return district[1].replace("片区", "区") + pick(STREETS) + (1 + nextInt(300)) + "号"
                + (1 + nextInt(20)) + "幢" + (1 + nextInt(4)) + "单元" + (101 + nextInt(18) * 100 + nextInt(4)) + "室";
    }

    /** A mainland mobile number, 11 digits. */
    public String mobile() {
        return "1" + pick("3", "5", "7", "8", "9") + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A landline with its area code. */
    public String landline() {
        return "0571" + String.format("%08d", 80_000_000 + random.nextInt(9_999_999));
    }

    /** What a caller reports about {@code category} (a repair category code), in Chinese or English. */
    public String[] repairReport(String category, boolean english) {
        return switch (category) {
            case "burst_main" -> english
                    ? new String[] {"Burst main outside " + pick("the school", "the market", "our building"),
                            "Water is gushing out of the road surface, the street is flooded and cars cannot pass."}
                    : new String[] {pick("门口爆管了", "马路上水管爆了", "小区门口主管爆裂"),
                            pick("今天早上门口爆管了，水从路面冒出来，马路上全是水。",
                                    "路面突然冒水，水流很大，车都开不过去了，请赶快派人。",
                                    "主水管爆裂，附近几栋楼都没水了，路口积水很深。")};
            case "service_pipe_leak" -> english
                    ? new String[] {"Leaking pipe in the stairwell", "The pipe before the meter is leaking, water runs "
                            + "down the stairs."}
                    : new String[] {pick("楼道水管漏水", "进户管渗水", "墙里冒水"),
                            pick("楼道里的水管一直在漏水，地上全湿了。", "表前管道渗水好几天了，墙面都湿了。",
                                    "厨房墙角一直冒水，怀疑是进户管破了。")};
            case "meter_leak" -> english
                    ? new String[] {"Meter box leaking", "Water is leaking around the meter and the meter spins even with "
                            + "all taps closed."}
                    : new String[] {pick("水表漏水", "表箱里漏水"),
                            pick("水表接口处漏水，关了总阀表还在走。", "表箱里全是水，水表玻璃起雾看不清。")};
            case "hydrant" -> english
                    ? new String[] {"Hydrant leaking", "The fire hydrant at the corner has been leaking since last night."}
                    : new String[] {pick("消防栓漏水", "消火栓被撞坏"),
                            pick("路口的消防栓一直在漏水。", "消防栓被车撞倒了，水喷得很高。")};
            case "no_water" -> english
                    ? new String[] {"No water since this morning", "We have had no water at all since 7 am, no notice "
                            + "of a planned shut-off was posted."}
                    : new String[] {pick("家里没水了", "停水了", "整栋楼没水"),
                            pick("从早上七点开始就没水了，也没看到停水通知。", "整栋楼都停水了，老人在家没法做饭。",
                                    "没水了，请问什么时候恢复供水？")};
            case "low_pressure" -> english
                    ? new String[] {"Low pressure on the upper floors", "Water pressure is very low, the water heater "
                            + "will not start on the 6th floor."}
                    : new String[] {pick("水压很低", "水压不稳", "楼上水压不够"),
                            pick("水压很低，热水器都打不着火。", "这几天水压时高时低，六楼基本没水。",
                                    "晚上用水高峰水压太低，洗澡都洗不了。")};
            case "water_quality" -> english
                    ? new String[] {pick("Discoloured water", "Water smells of chlorine", "Cloudy tap water"),
                            pick("The tap water is yellow and leaves rust stains.",
                                    "Strong smell of chlorine from the tap since yesterday.",
                                    "The water is cloudy and has a strange taste.")}
                    : new String[] {pick("自来水发黄", "水有异味", "水很浑浊"),
                            pick("打开水龙头出来的水是黄色的，放了很久还是黄水。", "自来水有一股消毒水的味道，很刺鼻。",
                                    "水看起来很浑，还有一股怪味，不敢喝。")};
            default -> throw new IllegalArgumentException("unknown repair category " + category);
        };
    }

    /** A complaint as the caller tells it, with what the complaint is about. */
    public String[] complaint(boolean english) {
        return english
                ? pick(List.of(
                        new String[] {"Meter reader never came", "Nobody came to read the meter for three months and "
                                + "now the bill is estimated far too high."},
                        new String[] {"Repair crew left a mess", "The crew dug up the pavement to fix the leak and left "
                                + "the hole open for a week."},
                        new String[] {"Rude staff at the service hall", "The staff at the counter were rude and refused "
                                + "to explain my bill."}))
                : pick(List.of(
                        new String[] {"抄表员没有上门抄表", "三个月没人来抄表，这次账单是估的，水费高得离谱。"},
                        new String[] {"维修后路面没有恢复", "抢修完漏水后路面挖开的坑一个星期都没填，晚上很危险。"},
                        new String[] {"营业厅工作人员态度差", "营业厅工作人员态度很差，不肯解释我的账单。"},
                        new String[] {"停水没有提前通知", "计划停水没有提前通知，家里老人没法做饭，非常不满。"},
                        new String[] {"水费异常偏高", "这个月水费比平时高了三倍，家里没有漏水，怀疑水表有问题。"}));
    }

    /** An inquiry, suggestion or request for help, by type code. */
    public String[] other(String type, boolean english) {
        return switch (type) {
            case "inquiry" -> english
                    ? new String[] {"Question about the bill", "How is the tiered water price calculated for a family "
                            + "of five?"}
                    : new String[] {pick("咨询水费阶梯价格", "咨询停水安排", "咨询过户手续"),
                            pick("请问五口之家的阶梯水价怎么算？", "请问明天计划停水到几点结束？",
                                    "房子卖了，水表过户需要带什么材料？")};
            case "suggestion" -> english
                    ? new String[] {"Suggestion: SMS before shut-offs", "Please send a text message before planned "
                            + "shut-offs, not only a notice in the lobby."}
                    : new String[] {pick("建议停水前短信通知", "建议增加网上缴费方式"),
                            pick("建议计划停水前发短信通知，不要只在楼道贴通知。", "建议开通更多网上缴费渠道，方便老年人。")};
            case "help" -> english
                    ? new String[] {"Elderly resident needs help", "My elderly neighbour cannot turn off the main valve; "
                            + "water is running in the bathroom."}
                    : new String[] {pick("独居老人求助", "总阀关不上求助"),
                            pick("家里只有老人，总阀关不上，卫生间一直在流水，请帮忙。",
                                    "透析病人家里停水，急需送水。")};
            default -> throw new IllegalArgumentException("unknown ticket type " + type);
        };
    }
}
