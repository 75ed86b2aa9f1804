<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <source>村医保征缴助手</source>
        <translation>村医保征缴助手</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>无法完成</translation>
    </message>
    <message>
        <source>详细情况已记录在：{0}</source>
        <translation>详细情况已记录在：{0}</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>程序遇到了意外问题，刚才的操作可能没有完成。已保存的数据不受影响。</source>
        <translation>程序遇到了意外问题，刚才的操作可能没有完成。已保存的数据不受影响。</translation>
    </message>
    <message>
        <source>请把这个文件交给技术支持人员。</source>
        <translation>请把这个文件交给技术支持人员。</translation>
    </message>
    <message>
        <source>无法打开数据</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <source>数据文件已损坏</source>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <source>现在用这份备份恢复吗？损坏的文件会另存在备份文件夹里。</source>
        <translation>现在用这份备份恢复吗？损坏的文件会另存在备份文件夹里。</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>【试导入，未写入】</source>
        <translation>【试导入，未写入】</translation>
    </message>
    <message>
        <source>【已导入】</source>
        <translation>【已导入】</translation>
    </message>
    <message>
        <source>{head}{file}：表头在第{row}行，读到 {rows} 行数据。{counts}</source>
        <translation>{head}{file}：表头在第{row}行，读到 {rows} 行数据。{counts}</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>金额(元)</source>
        <translation>金额(元)</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>缴费日期</source>
        <translation>缴费日期</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>票据号</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>手工标记</source>
        <translation>手工标记</translation>
    </message>
    <message>
        <source>手工标记：{note}</source>
        <translation>手工标记：{note}</translation>
    </message>
    <message>
        <source>（{sheet}）</source>
        <translation>（{sheet}）</translation>
    </message>
    <message>
        <source>{file}{sheet} 第{row}行</source>
        <translation>{file}{sheet} 第{row}行</translation>
    </message>
    <message>
        <source>{task}（村报）</source>
        <translation>{task}（村报）</translation>
    </message>
    <message>
        <source>未上报</source>
        <translation>未上报</translation>
    </message>
    <message>
        <source>第{seq}号 {at}</source>
        <translation>第{seq}号 {at}</translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation>{n} 条</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>第{seq}号</source>
        <translation>第{seq}号</translation>
    </message>
    <message>
        <source>全村</source>
        <translation>全村</translation>
    </message>
    <message>
        <source>&lt;span style='font-size:14pt'&gt;&lt;b&gt;{township}{year}年度&lt;/b&gt;　已上报 &lt;b&gt;{reported}&lt;/b&gt;/{villages} 村　应参保 &lt;b&gt;{eligible}&lt;/b&gt;　已参保 &lt;b&gt;{enrolled}&lt;/b&gt;　参保率 &lt;b&gt;{rate}&lt;/b&gt;　任务 {task}　完成 &lt;b&gt;{completion}&lt;/b&gt;　差额 &lt;b&gt;{shortfall}&lt;/b&gt;　征缴 {collected} 元　特殊群体未参保 &lt;b&gt;{gaps}&lt;/b&gt; 人　重复参保 &lt;b&gt;{dups}&lt;/b&gt; 人&lt;/span&gt;</source>
        <translation>&lt;span style='font-size:14pt'&gt;&lt;b&gt;{township}{year}年度&lt;/b&gt;　已上报 &lt;b&gt;{reported}&lt;/b&gt;/{villages} 村　应参保 &lt;b&gt;{eligible}&lt;/b&gt;　已参保 &lt;b&gt;{enrolled}&lt;/b&gt;　参保率 &lt;b&gt;{rate}&lt;/b&gt;　任务 {task}　完成 &lt;b&gt;{completion}&lt;/b&gt;　差额 &lt;b&gt;{shortfall}&lt;/b&gt;　征缴 {collected} 元　特殊群体未参保 &lt;b&gt;{gaps}&lt;/b&gt; 人　重复参保 &lt;b&gt;{dups}&lt;/b&gt; 人&lt;/span&gt;</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于 村医保征缴助手</source>
        <translation>关于 村医保征缴助手</translation>
    </message>
    <message>
        <source>尚未生成</source>
        <translation>尚未生成</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>签名密钥指纹</source>
        <translation>签名密钥指纹</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>&lt;b&gt;村医保征缴助手 EnrollAgent&lt;/b&gt;</source>
        <translation>&lt;b&gt;村医保征缴助手 EnrollAgent&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>AgentPage</name>
    <message>
        <source>经办人</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>负责本村征缴的人，签字在汇总表上。</source>
        <translation>负责本村征缴的人，签字在汇总表上。</translation>
    </message>
    <message>
        <source>手机11位</source>
        <translation>手机11位</translation>
    </message>
    <message>
        <source>经办人姓名*</source>
        <translation>经办人姓名*</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>AmendmentsPage</name>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>上报包</source>
        <translation>上报包</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>更正项目</source>
        <translation>更正项目</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>全部村</source>
        <translation>全部村</translation>
    </message>
    <message>
        <source>{village}（{n} 条）</source>
        <translation>{village}（{n} 条）</translation>
    </message>
</context>
<context>
    <name>CoverBox</name>
    <message>
        <source>参保年限与待遇等待期</source>
        <translation>参保年限与待遇等待期</translation>
    </message>
    <message>
        <source>连续参保</source>
        <translation>连续参保</translation>
    </message>
    <message>
        <source>断保</source>
        <translation>断保</translation>
    </message>
    <message>
        <source>待遇等待期</source>
        <translation>待遇等待期</translation>
    </message>
    <message>
        <source>大病保险</source>
        <translation>大病保险</translation>
    </message>
    <message>
        <source>{0} 年</source>
        <translation>{0} 年</translation>
    </message>
    <message>
        <source>（往年参保情况不明，只算本村记录）</source>
        <translation>（往年参保情况不明，只算本村记录）</translation>
    </message>
    <message>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <source>（缴费修复 {0} 年）</source>
        <translation>（缴费修复 {0} 年）</translation>
    </message>
    <message>
        <source>无（{0}）</source>
        <translation>无（{0}）</translation>
    </message>
    <message>
        <source>按时缴费 {0} / 逾期缴费 {1}</source>
        <translation>按时缴费 {0} / 逾期缴费 {1}</translation>
    </message>
    <message>
        <source>最高支付限额提高 {0} 元</source>
        <translation>最高支付限额提高 {0} 元</translation>
    </message>
    <message>
        <source>{0} 个月</source>
        <translation>{0} 个月</translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <source>参保情况：{0}</source>
        <translation>参保情况：{0}</translation>
    </message>
    <message>
        <source>参保类型</source>
        <translation>参保类型</translation>
    </message>
    <message>
        <source>在何地参保</source>
        <translation>在何地参保</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>如：广东省东莞市</source>
        <translation>如：广东省东莞市</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>异地参保请写明在何地参保</source>
        <translation>异地参保请写明在何地参保</translation>
    </message>
    <message>
        <source>修改参保情况</source>
        <translation>修改参保情况</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>完成</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>现在导入去年的花名册（Excel），省去重新录入</source>
        <translation>现在导入去年的花名册（Excel），省去重新录入</translation>
    </message>
    <message>
        <source>同时会在数据文件旁生成本村的签名密钥，用于给上报的数据包签名。</source>
        <translation>同时会在数据文件旁生成本村的签名密钥，用于给上报的数据包签名。</translation>
    </message>
    <message>
        <source>将以乡镇汇总模式打开。以后每次启动都直接进入乡镇汇总。</source>
        <translation>将以乡镇汇总模式打开。以后每次启动都直接进入乡镇汇总。</translation>
    </message>
    <message>
        <source>将建立：{0}{1}{2}，经办人 {3}，{4}年度（{5}）。</source>
        <translation>将建立：{0}{1}{2}，经办人 {3}，{4}年度（{5}）。</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>使用指南 — 村医保征缴助手</source>
        <translation>使用指南 — 村医保征缴助手</translation>
    </message>
    <message>
        <source>&lt; 后退</source>
        <translation>&lt; 后退</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>快速参考</source>
        <translation>快速参考</translation>
    </message>
    <message>
        <source>打印本页…</source>
        <translation>打印本页…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>更正</translation>
    </message>
</context>
<context>
    <name>HouseholdCombo</name>
    <message>
        <source>输入户主姓名、户号或组名</source>
        <translation>输入户主姓名、户号或组名</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>新增一户</source>
        <translation>新增一户</translation>
    </message>
    <message>
        <source>修改户信息</source>
        <translation>修改户信息</translation>
    </message>
    <message>
        <source>手机11位，或座机如 0373-4451234</source>
        <translation>手机11位，或座机如 0373-4451234</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>户主姓名</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>户主身份证号</source>
        <translation>户主身份证号</translation>
    </message>
</context>
<context>
    <name>HouseholdSlip</name>
    <message>
        <source>打印本户缴费告知单</source>
        <translation>打印本户缴费告知单</translation>
    </message>
    <message>
        <source>缴费告知单 (*.pdf)</source>
        <translation>缴费告知单 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>IdField</name>
    <message>
        <source>18位身份证号，末位可为X</source>
        <translation>18位身份证号，末位可为X</translation>
    </message>
    <message>
        <source>输入身份证号后，这里会显示出生日期、性别和年龄</source>
        <translation>输入身份证号后，这里会显示出生日期、性别和年龄</translation>
    </message>
    <message>
        <source>（由15位旧号升级）</source>
        <translation>（由15位旧号升级）</translation>
    </message>
    <message>
        <source>✓ 出生日期 {0}，{1}，{2}岁</source>
        <translation>✓ 出生日期 {0}，{1}，{2}岁</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <source>收到时间</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>金额(元)</source>
        <translation>金额(元)</translation>
    </message>
    <message>
        <source>缴费日期</source>
        <translation>缴费日期</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>票据号</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>选中一行按回车：用它的身份证号查找此人；在上面回车选中人以后，点“认领给选中的人”</source>
        <translation>选中一行按回车：用它的身份证号查找此人；在上面回车选中人以后，点“认领给选中的人”</translation>
    </message>
    <message>
        <source>查找此人</source>
        <translation>查找此人</translation>
    </message>
    <message>
        <source>认领给选中的人(&amp;R)</source>
        <translation>认领给选中的人(&amp;R)</translation>
    </message>
    <message>
        <source>花名册里没有：先添加此人…</source>
        <translation>花名册里没有：先添加此人…</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>正在处理…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>正在取消，已做的改动将全部撤回…</source>
        <translation>正在取消，已做的改动将全部撤回…</translation>
    </message>
</context>
<context>
    <name>KeyChangeDialog</name>
    <message>
        <source>{village} 的签名密钥变了</source>
        <translation>{village} 的签名密钥变了</translation>
    </message>
    <message>
        <source>{file} 不是用乡镇为 {village} 登记的密钥签的，已拒收。换了电脑或重装了软件时会这样，别人冒充上报时也会这样：请打电话给经办人，请他念出软件里“上报包”页显示的密钥指纹，与下面的新指纹逐位核对。</source>
        <translation>{file} 不是用乡镇为 {village} 登记的密钥签的，已拒收。换了电脑或重装了软件时会这样，别人冒充上报时也会这样：请打电话给经办人，请他念出软件里“上报包”页显示的密钥指纹，与下面的新指纹逐位核对。</translation>
    </message>
    <message>
        <source>&lt;b&gt;登记的密钥&lt;/b&gt;</source>
        <translation>&lt;b&gt;登记的密钥&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;此包的密钥&lt;/b&gt;</source>
        <translation>&lt;b&gt;此包的密钥&lt;/b&gt;</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>密钥指纹</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>首次收到</source>
        <translation>首次收到</translation>
    </message>
    <message>
        <source>本次</source>
        <translation>本次</translation>
    </message>
    <message>
        <source>核对无误才信任：信任后这个村今后的上报包都要用新密钥签。</source>
        <translation>核对无误才信任：信任后这个村今后的上报包都要用新密钥签。</translation>
    </message>
    <message>
        <source>指纹已核对，信任新密钥并接收</source>
        <translation>指纹已核对，信任新密钥并接收</translation>
    </message>
    <message>
        <source>不信任，保持拒收</source>
        <translation>不信任，保持拒收</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>数据文件：{0}</source>
        <translation>数据文件：{0}</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>开始新年度征缴…</source>
        <translation>开始新年度征缴…</translation>
    </message>
    <message>
        <source>乡镇汇总模式…</source>
        <translation>乡镇汇总模式…</translation>
    </message>
    <message>
        <source>备份到U盘…</source>
        <translation>备份到U盘…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>页面(&amp;G)</source>
        <translation>页面(&amp;G)</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>快速参考</source>
        <translation>快速参考</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>{year}年度（征缴期 {start} 至 {end}）</source>
        <translation>{year}年度（征缴期 {start} 至 {end}）</translation>
    </message>
    <message>
        <source>村医保征缴助手 — {0} — {1}</source>
        <translation>村医保征缴助手 — {0} — {1}</translation>
    </message>
    <message>
        <source>已开始{0}年度征缴，各页面显示的都是{0}年度。</source>
        <translation>已开始{0}年度征缴，各页面显示的都是{0}年度。</translation>
    </message>
    <message>
        <source>选择U盘或保存备份的文件夹</source>
        <translation>选择U盘或保存备份的文件夹</translation>
    </message>
    <message>
        <source>备份没有完成</source>
        <translation>备份没有完成</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>已备份到：{0}
{1} {2}年度 在册 {3} 人，缴费 {4} 笔。
</source>
        <translation>已备份到：{0}
{1} {2}年度 在册 {3} 人，缴费 {4} 笔。
</translation>
    </message>
    <message>
        <source>备份里有本村数据和签名密钥，请妥善保管。</source>
        <translation>备份里有本村数据和签名密钥，请妥善保管。</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <source>复制</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>点一下“复制”，到微信或短信里粘贴（{0}字）</source>
        <translation>点一下“复制”，到微信或短信里粘贴（{0}字）</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>欢迎使用村医保征缴助手</source>
        <translation>欢迎使用村医保征缴助手</translation>
    </message>
    <message>
        <source>先做几步设置。以后都可以在“设置”里修改。</source>
        <translation>先做几步设置。以后都可以在“设置”里修改。</translation>
    </message>
    <message>
        <source>村级经办：管理本村的花名册、缴费和上报</source>
        <translation>村级经办：管理本村的花名册、缴费和上报</translation>
    </message>
    <message>
        <source>乡镇汇总：汇总各村上报的数据包（乡镇医保办使用）</source>
        <translation>乡镇汇总：汇总各村上报的数据包（乡镇医保办使用）</translation>
    </message>
    <message>
        <source>建一个练习村</source>
        <translation>建一个练习村</translation>
    </message>
    <message>
        <source>先熟悉软件？练习村有几百位虚构的村民和各种情况（特殊群体、身份证号有误、重复、退费、对不上人的缴费），每一页、每份导出都标有“练习”。</source>
        <translation>先熟悉软件？练习村有几百位虚构的村民和各种情况（特殊群体、身份证号有误、重复、退费、对不上人的缴费），每一页、每份导出都标有“练习”。</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>迁到另一户：{0}</source>
        <translation>迁到另一户：{0}</translation>
    </message>
    <message>
        <source>迁入的户</source>
        <translation>迁入的户</translation>
    </message>
    <message>
        <source>与新户主关系</source>
        <translation>与新户主关系</translation>
    </message>
    <message>
        <source>迁移</source>
        <translation>迁移</translation>
    </message>
    <message>
        <source>请选择要迁入的户</source>
        <translation>请选择要迁入的户</translation>
    </message>
    <message>
        <source>迁户</source>
        <translation>迁户</translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message>
        <source>开始新年度征缴</source>
        <translation>开始新年度征缴</translation>
    </message>
    <message>
        <source> 年度</source>
        <translation> 年度</translation>
    </message>
    <message>
        <source>沿用{year}年度政策（{name}）</source>
        <translation>沿用{year}年度政策（{name}）</translation>
    </message>
    <message>
        <source>预设：{name}</source>
        <translation>预设：{name}</translation>
    </message>
    <message>
        <source>暂不填</source>
        <translation>暂不填</translation>
    </message>
    <message>
        <source>新的参保年度</source>
        <translation>新的参保年度</translation>
    </message>
    <message>
        <source>政策从哪里开始</source>
        <translation>政策从哪里开始</translation>
    </message>
    <message>
        <source>乡镇下达的任务数（人）</source>
        <translation>乡镇下达的任务数（人）</translation>
    </message>
    <message>
        <source>请对照县里新年度的征缴通知，核对缴费标准、征缴期和各类人员的资助。</source>
        <translation>请对照县里新年度的征缴通知，核对缴费标准、征缴期和各类人员的资助。</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>下一步：预览</source>
        <translation>下一步：预览</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>开始{year}年度</source>
        <translation>开始{year}年度</translation>
    </message>
    <message>
        <source>从{old}年度进入{new}年度，将会：</source>
        <translation>从{old}年度进入{new}年度，将会：</translation>
    </message>
    <message>
        <source>带入新年度 &lt;b&gt;{n}&lt;/b&gt; 人（{h} 户）</source>
        <translation>带入新年度 &lt;b&gt;{n}&lt;/b&gt; 人（{h} 户）</translation>
    </message>
    <message>
        <source>离开名册 &lt;b&gt;{n}&lt;/b&gt; 人{detail}，不带入新年度</source>
        <translation>离开名册 &lt;b&gt;{n}&lt;/b&gt; 人{detail}，不带入新年度</translation>
    </message>
    <message>
        <source>待确认参保状态 &lt;b&gt;{n}&lt;/b&gt; 人：职工医保、异地参保、学校参保、服役的状态带入，请逐一核实后确认</source>
        <translation>待确认参保状态 &lt;b&gt;{n}&lt;/b&gt; 人：职工医保、异地参保、学校参保、服役的状态带入，请逐一核实后确认</translation>
    </message>
    <message>
        <source>待重新认定的特殊群体 &lt;b&gt;{n}&lt;/b&gt; 人：去年的特困、低保等标记不带入，按新年度部门名单重新认定</source>
        <translation>待重新认定的特殊群体 &lt;b&gt;{n}&lt;/b&gt; 人：去年的特困、低保等标记不带入，按新年度部门名单重新认定</translation>
    </message>
    <message>
        <source>缴费从零开始：新年度还没有任何缴费记录</source>
        <translation>缴费从零开始：新年度还没有任何缴费记录</translation>
    </message>
    <message>
        <source>政策：{name}，个人缴费 {standard} 元，征缴期 {start} 至 {end}</source>
        <translation>政策：{name}，个人缴费 {standard} 元，征缴期 {start} 至 {end}</translation>
    </message>
    <message>
        <source>任务数：{task}</source>
        <translation>任务数：{task}</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>{n} 人</translation>
    </message>
    <message>
        <source>{old}年度的名册和缴费原样保留，仍可在“导出与打印”里选{old}年度导出。点“开始”后，各页面都换成{new}年度。</source>
        <translation>{old}年度的名册和缴费原样保留，仍可在“导出与打印”里选{old}年度导出。点“开始”后，各页面都换成{new}年度。</translation>
    </message>
    <message>
        <source>注意：这个征缴期已于 {end} 结束，此后缴费的人参保后有待遇等待期。</source>
        <translation>注意：这个征缴期已于 {end} 结束，此后缴费的人参保后有待遇等待期。</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>姓名或身份证号，回车查找</source>
        <translation>姓名或身份证号，回车查找</translation>
    </message>
    <message>
        <source>全部人员</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>只看更正</source>
        <translation>只看更正</translation>
    </message>
    <message>
        <source>导出xlsx…</source>
        <translation>导出xlsx…</translation>
    </message>
    <message>
        <source>从</source>
        <translation>从</translation>
    </message>
    <message>
        <source>到</source>
        <translation>到</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>查无此人</source>
        <translation>查无此人</translation>
    </message>
    <message>
        <source>（共 {0} 人相符，显示第一位）</source>
        <translation>（共 {0} 人相符，显示第一位）</translation>
    </message>
    <message>
        <source>{0} 变更记录</source>
        <translation>{0} 变更记录</translation>
    </message>
    <message>
        <source>当前参保年度：{0}年度。黄底并在“更正”栏标“是”的，是更正了已上报乡镇的内容，会列入下次上报包。</source>
        <translation>当前参保年度：{0}年度。黄底并在“更正”栏标“是”的，是更正了已上报乡镇的内容，会列入下次上报包。</translation>
    </message>
    <message>
        <source>共 {0} 条，其中更正 {1} 条</source>
        <translation>共 {0} 条，其中更正 {1} 条</translation>
    </message>
    <message>
        <source>导出变更记录</source>
        <translation>导出变更记录</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>已导出 {0} 条到 {1}</source>
        <translation>已导出 {0} 条到 {1}</translation>
    </message>
    <message>
        <source>导出什么</source>
        <translation>导出什么</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>参保年度</source>
        <translation>参保年度</translation>
    </message>
    <message>
        <source>只印还有人未缴费的户</source>
        <translation>只印还有人未缴费的户</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>{year}年度（当前）</source>
        <translation>{year}年度（当前）</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>{year}年度</translation>
    </message>
    <message>
        <source>全村（各组依次排列）</source>
        <translation>全村（各组依次排列）</translation>
    </message>
    <message>
        <source>导出{title}</source>
        <translation>导出{title}</translation>
    </message>
    <message>
        <source>{title} (*{suffix})</source>
        <translation>{title} (*{suffix})</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>正在生成 {name}…</source>
        <translation>正在生成 {name}…</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>已取消，没有留下半成品文件</source>
        <translation>已取消，没有留下半成品文件</translation>
    </message>
    <message>
        <source>还没有选择文件（.xlsx / .xls / .csv）</source>
        <translation>还没有选择文件（.xlsx / .xls / .csv）</translation>
    </message>
    <message>
        <source>选择文件… (Ctrl+O)</source>
        <translation>选择文件… (Ctrl+O)</translation>
    </message>
    <message>
        <source>按文件中的人员类别列（或名单标题）</source>
        <translation>按文件中的人员类别列（或名单标题）</translation>
    </message>
    <message>
        <source>名单类别</source>
        <translation>名单类别</translation>
    </message>
    <message>
        <source>导入什么</source>
        <translation>导入什么</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>试导入（只检查，不写入）</source>
        <translation>试导入（只检查，不写入）</translation>
    </message>
    <message>
        <source>正式导入</source>
        <translation>正式导入</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>文件中的表头</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>选好文件后，这里列出认出的列</source>
        <translation>选好文件后，这里列出认出的列</translation>
    </message>
    <message>
        <source>认出的列</source>
        <translation>认出的列</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>导入报告</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>正在读取表头…</source>
        <translation>正在读取表头…</translation>
    </message>
    <message>
        <source>正在读取 {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>表头在第 {row} 行，认出 {n} 列</source>
        <translation>表头在第 {row} 行，认出 {n} 列</translation>
    </message>
    <message>
        <source>文件里没有人员类别列：名单标题或文件名说明不了类别时，请在上面选这份名单是哪一类</source>
        <translation>文件里没有人员类别列：名单标题或文件名说明不了类别时，请在上面选这份名单是哪一类</translation>
    </message>
    <message>
        <source>请先选择要导入的文件</source>
        <translation>请先选择要导入的文件</translation>
    </message>
    <message>
        <source>正在试导入 {name}…</source>
        <translation>正在试导入 {name}…</translation>
    </message>
    <message>
        <source>正在导入 {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>读不了这个文件</source>
        <translation>读不了这个文件</translation>
    </message>
    <message>
        <source>已取消，数据没有任何改动</source>
        <translation>已取消，数据没有任何改动</translation>
    </message>
    <message>
        <source>  可到“特殊群体”页查看。</source>
        <translation>  可到“特殊群体”页查看。</translation>
    </message>
    <message>
        <source>复制选中这户的消息(&amp;C)</source>
        <translation>复制选中这户的消息(&amp;C)</translation>
    </message>
    <message>
        <source>全部导出到Excel…</source>
        <translation>全部导出到Excel…</translation>
    </message>
    <message>
        <source>发给未缴费的户</source>
        <translation>发给未缴费的户</translation>
    </message>
    <message>
        <source>发到村民微信群（不点名）</source>
        <translation>发到村民微信群（不点名）</translation>
    </message>
    <message>
        <source>复制群消息(&amp;G)</source>
        <translation>复制群消息(&amp;G)</translation>
    </message>
    <message>
        <source>打印政策宣传单…</source>
        <translation>打印政策宣传单…</translation>
    </message>
    <message>
        <source>政策宣传</source>
        <translation>政策宣传</translation>
    </message>
    <message>
        <source>复制政策宣传(&amp;P)</source>
        <translation>复制政策宣传(&amp;P)</translation>
    </message>
    <message>
        <source>{0}年度催缴消息：未缴费 {1} 户</source>
        <translation>{0}年度催缴消息：未缴费 {1} 户</translation>
    </message>
    <message>
        <source>消息的文字来自模板，县里可以改写（resources/templates）。</source>
        <translation>消息的文字来自模板，县里可以改写（resources/templates）。</translation>
    </message>
    <message>
        <source>有 {0} 条超过{1}字，短信会分两条发出。</source>
        <translation>有 {0} 条超过{1}字，短信会分两条发出。</translation>
    </message>
    <message>
        <source>已复制给 {0} 的消息，可以粘贴发送了</source>
        <translation>已复制给 {0} 的消息，可以粘贴发送了</translation>
    </message>
    <message>
        <source>请先在表中选中一户</source>
        <translation>请先在表中选中一户</translation>
    </message>
    <message>
        <source>已复制{0}，可以粘贴发送了</source>
        <translation>已复制{0}，可以粘贴发送了</translation>
    </message>
    <message>
        <source>群消息</source>
        <translation>群消息</translation>
    </message>
    <message>
        <source>身份证号待核实</source>
        <translation>身份证号待核实</translation>
    </message>
    <message>
        <source>应退费</source>
        <translation>应退费</translation>
    </message>
    <message>
        <source>重复缴费</source>
        <translation>重复缴费</translation>
    </message>
    <message>
        <source>待认领的缴费（花名册里找不到人）</source>
        <translation>待认领的缴费（花名册里找不到人）</translation>
    </message>
    <message>
        <source>待确认参保状态</source>
        <translation>待确认参保状态</translation>
    </message>
    <message>
        <source>待重新认定</source>
        <translation>待重新认定</translation>
    </message>
    <message>
        <source>应参保（人）</source>
        <translation>应参保（人）</translation>
    </message>
    <message>
        <source>已参保（人）</source>
        <translation>已参保（人）</translation>
    </message>
    <message>
        <source>参保率</source>
        <translation>参保率</translation>
    </message>
    <message>
        <source>未缴（人）</source>
        <translation>未缴（人）</translation>
    </message>
    <message>
        <source>征缴金额（元）</source>
        <translation>征缴金额（元）</translation>
    </message>
    <message>
        <source>各村民小组</source>
        <translation>各村民小组</translation>
    </message>
    <message>
        <source>特殊群体参保（目标100%）</source>
        <translation>特殊群体参保（目标100%）</translation>
    </message>
    <message>
        <source>需要处理</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>{0}　{1}年度</source>
        <translation>{0}　{1}年度</translation>
    </message>
    <message>
        <source>在册 {0} 人 / {1} 户</source>
        <translation>在册 {0} 人 / {1} 户</translation>
    </message>
    <message>
        <source>缴费 {0}，资助 {1}，学校 {2}</source>
        <translation>缴费 {0}，资助 {1}，学校 {2}</translation>
    </message>
    <message>
        <source>综合覆盖率 {0}</source>
        <translation>综合覆盖率 {0}</translation>
    </message>
    <message>
        <source>&lt;a href='#'&gt;查看未缴名单&lt;/a&gt;</source>
        <translation>&lt;a href='#'&gt;查看未缴名单&lt;/a&gt;</translation>
    </message>
    <message>
        <source>标准 {0} 元/人</source>
        <translation>标准 {0} 元/人</translation>
    </message>
    <message>
        <source>任务 {0} 人，已完成 {1}（{2}）</source>
        <translation>任务 {0} 人，已完成 {1}（{2}）</translation>
    </message>
    <message>
        <source>乡镇还没有下达任务数（可在“设置”中填写）</source>
        <translation>乡镇还没有下达任务数（可在“设置”中填写）</translation>
    </message>
    <message>
        <source>{0} 至 {1}</source>
        <translation>{0} 至 {1}</translation>
    </message>
    <message>
        <source>征缴期 {0}，&lt;b&gt;{1}&lt;/b&gt; 天后开始</source>
        <translation>征缴期 {0}，&lt;b&gt;{1}&lt;/b&gt; 天后开始</translation>
    </message>
    <message>
        <source>征缴期 {0}，还剩 &lt;b&gt;{1}&lt;/b&gt; 天</source>
        <translation>征缴期 {0}，还剩 &lt;b&gt;{1}&lt;/b&gt; 天</translation>
    </message>
    <message>
        <source>（每月{0}日至{1}日收缴，今天不收）</source>
        <translation>（每月{0}日至{1}日收缴，今天不收）</translation>
    </message>
    <message>
        <source>&lt;span style='color:{0}'&gt;征缴期已结束&lt;/span&gt;（{1}）</source>
        <translation>&lt;span style='color:{0}'&gt;征缴期已结束&lt;/span&gt;（{1}）</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>{0}个月 {1} 人</source>
        <translation>{0}个月 {1} 人</translation>
    </message>
    <message>
        <source>征缴期已结束：未缴的 {0} 人现在缴费将有待遇等待期（{1}）</source>
        <translation>征缴期已结束：未缴的 {0} 人现在缴费将有待遇等待期（{1}）</translation>
    </message>
    <message>
        <source>若在征缴期后缴费：{0} 人将有待遇等待期（{1}）</source>
        <translation>若在征缴期后缴费：{0} 人将有待遇等待期（{1}）</translation>
    </message>
    <message>
        <source>小组</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>已参保/应参保</source>
        <translation>已参保/应参保</translation>
    </message>
    <message>
        <source>未缴</source>
        <translation>未缴</translation>
    </message>
    <message>
        <source>（未分组）</source>
        <translation>（未分组）</translation>
    </message>
    <message>
        <source>查看{0}的名单</source>
        <translation>查看{0}的名单</translation>
    </message>
    <message>
        <source>还没有标记特殊群体（可从民政、乡村振兴等部门名单导入）</source>
        <translation>还没有标记特殊群体（可从民政、乡村振兴等部门名单导入）</translation>
    </message>
    <message>
        <source>笔</source>
        <translation>笔</translation>
    </message>
    <message>
        <source>人</source>
        <translation>人</translation>
    </message>
    <message>
        <source>{0}：{1} {2}　查看 ›</source>
        <translation>{0}：{1} {2}　查看 ›</translation>
    </message>
    <message>
        <source>没有需要处理的事项</source>
        <translation>没有需要处理的事项</translation>
    </message>
    <message>
        <source>姓名、拼音首字母（如 zs）、身份证后几位、电话或户号，回车选中</source>
        <translation>姓名、拼音首字母（如 zs）、身份证后几位、电话或户号，回车选中</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>还应缴(元)</source>
        <translation>还应缴(元)</translation>
    </message>
    <message>
        <source>查找缴费人</source>
        <translation>查找缴费人</translation>
    </message>
    <message>
        <source>先在左边查找并选中一个人</source>
        <translation>先在左边查找并选中一个人</translation>
    </message>
    <message>
        <source>元</source>
        <translation>元</translation>
    </message>
    <message>
        <source>电子税票号码，可不填</source>
        <translation>电子税票号码，可不填</translation>
    </message>
    <message>
        <source>替别人交时填交款人，可不填</source>
        <translation>替别人交时填交款人，可不填</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>缴费渠道</source>
        <translation>缴费渠道</translation>
    </message>
    <message>
        <source>缴费日期</source>
        <translation>缴费日期</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>票据号</translation>
    </message>
    <message>
        <source>代缴人</source>
        <translation>代缴人</translation>
    </message>
    <message>
        <source>登记缴费 (回车)</source>
        <translation>登记缴费 (回车)</translation>
    </message>
    <message>
        <source>全户缴费</source>
        <translation>全户缴费</translation>
    </message>
    <message>
        <source>退费…</source>
        <translation>退费…</translation>
    </message>
    <message>
        <source>撤销上一笔 (Ctrl+Z)</source>
        <translation>撤销上一笔 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>今日登记</source>
        <translation>今日登记</translation>
    </message>
    <message>
        <source>待认领</source>
        <translation>待认领</translation>
    </message>
    <message>
        <source>↑↓ 在结果中移动，回车选中</source>
        <translation>↑↓ 在结果中移动，回车选中</translation>
    </message>
    <message>
        <source>找到 {n} 人，只列出前 {k} 人，请多输入几个字</source>
        <translation>找到 {n} 人，只列出前 {k} 人，请多输入几个字</translation>
    </message>
    <message>
        <source>找到 {n} 人</source>
        <translation>找到 {n} 人</translation>
    </message>
    <message>
        <source>，应缴 {p} 元，已缴 {n} 元</source>
        <translation>，应缴 {p} 元，已缴 {n} 元</translation>
    </message>
    <message>
        <source>&lt;b style='font-size:15pt'&gt;{name}&lt;/b&gt;　{id}&lt;br&gt;{group} {hh}　{detail}</source>
        <translation>&lt;b style='font-size:15pt'&gt;{name}&lt;/b&gt;　{id}&lt;br&gt;{group} {hh}　{detail}</translation>
    </message>
    <message>
        <source>本户 {n} 人：{list}</source>
        <translation>本户 {n} 人：{list}</translation>
    </message>
    <message>
        <source>全户缴费（{n} 人 {fen} 元）</source>
        <translation>全户缴费（{n} 人 {fen} 元）</translation>
    </message>
    <message>
        <source>认领给 {name}(&amp;R)</source>
        <translation>认领给 {name}(&amp;R)</translation>
    </message>
    <message>
        <source>今日登记 ({n})</source>
        <translation>今日登记 ({n})</translation>
    </message>
    <message>
        <source>待认领 ({n})</source>
        <translation>待认领 ({n})</translation>
    </message>
    <message>
        <source>缴费日期 {day} 不在{year}年度征缴期（{start} 至 {end}）内。</source>
        <translation>缴费日期 {day} 不在{year}年度征缴期（{start} 至 {end}）内。</translation>
    </message>
    <message>
        <source>{name} {n} 个月</source>
        <translation>{name} {n} 个月</translation>
    </message>
    <message>
        <source>在征缴期后缴费的，参保后有待遇等待期{0}。</source>
        <translation>在征缴期后缴费的，参保后有待遇等待期{0}。</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation>（{0}）</translation>
    </message>
    <message>
        <source>征缴期还没有开始，请核对日期。</source>
        <translation>征缴期还没有开始，请核对日期。</translation>
    </message>
    <message>
        <source>不在征缴期内</source>
        <translation>不在征缴期内</translation>
    </message>
    <message>
        <source>仍要登记吗？</source>
        <translation>仍要登记吗？</translation>
    </message>
    <message>
        <source>已登记：{name} {amount} 元（{channel}）</source>
        <translation>已登记：{name} {amount} 元（{channel}）</translation>
    </message>
    <message>
        <source>全户缴费：已登记 {n} 人，共 {amount} 元（{channel}）</source>
        <translation>全户缴费：已登记 {n} 人，共 {amount} 元（{channel}）</translation>
    </message>
    <message>
        <source>撤销这笔缴费</source>
        <translation>撤销这笔缴费</translation>
    </message>
    <message>
        <source>已撤销：{name} {amount} 元（记了一笔冲销）</source>
        <translation>已撤销：{name} {amount} 元（记了一笔冲销）</translation>
    </message>
    <message>
        <source>{name} 本年度没有已缴的钱，无法退费</source>
        <translation>{name} 本年度没有已缴的钱，无法退费</translation>
    </message>
    <message>
        <source>退费</source>
        <translation>退费</translation>
    </message>
    <message>
        <source>{name} 已缴 {net} 元，退多少元？</source>
        <translation>{name} 已缴 {net} 元，退多少元？</translation>
    </message>
    <message>
        <source>退费原因（如 重复缴费）</source>
        <translation>退费原因（如 重复缴费）</translation>
    </message>
    <message>
        <source>确认退费</source>
        <translation>确认退费</translation>
    </message>
    <message>
        <source>给 {name} 退费 {amount} 元？
退费记录不能删除，记错了只能再登记一笔缴费来冲回。</source>
        <translation>给 {name} 退费 {amount} 元？
退费记录不能删除，记错了只能再登记一笔缴费来冲回。</translation>
    </message>
    <message>
        <source>已退费：{name} {amount} 元</source>
        <translation>已退费：{name} {amount} 元</translation>
    </message>
    <message>
        <source>先在上面查找并选中要认领这笔钱的人（回车选中），再点“认领给选中的人”</source>
        <translation>先在上面查找并选中要认领这笔钱的人（回车选中），再点“认领给选中的人”</translation>
    </message>
    <message>
        <source>已认领：这笔钱记给了 {name}</source>
        <translation>已认领：这笔钱记给了 {name}</translation>
    </message>
    <message>
        <source>身份证待核实</source>
        <translation>身份证待核实</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>特殊群体</translation>
    </message>
    <message>
        <source>全部缴费状态</source>
        <translation>全部缴费状态</translation>
    </message>
    <message>
        <source>未缴费</source>
        <translation>未缴费</translation>
    </message>
    <message>
        <source>未缴且有原因</source>
        <translation>未缴且有原因</translation>
    </message>
    <message>
        <source>已参保（含资助、学校）</source>
        <translation>已参保（含资助、学校）</translation>
    </message>
    <message>
        <source>已缴费</source>
        <translation>已缴费</translation>
    </message>
    <message>
        <source>全额资助</source>
        <translation>全额资助</translation>
    </message>
    <message>
        <source>新生儿免缴</source>
        <translation>新生儿免缴</translation>
    </message>
    <message>
        <source>搜索：姓名、拼音首字母(zs)、身份证后几位、电话、户号</source>
        <translation>搜索：姓名、拼音首字母(zs)、身份证后几位、电话、户号</translation>
    </message>
    <message>
        <source>全部参保类型</source>
        <translation>全部参保类型</translation>
    </message>
    <message>
        <source>本户</source>
        <translation>本户</translation>
    </message>
    <message>
        <source>只看这些人</source>
        <translation>只看这些人</translation>
    </message>
    <message>
        <source>确认选中的人参保状态属实(&amp;K)</source>
        <translation>确认选中的人参保状态属实(&amp;K)</translation>
    </message>
    <message>
        <source>全部村民小组</source>
        <translation>全部村民小组</translation>
    </message>
    <message>
        <source>仅看：{0}  ✕</source>
        <translation>仅看：{0}  ✕</translation>
    </message>
    <message>
        <source>{0} 人</source>
        <translation>{0} 人</translation>
    </message>
    <message>
        <source>{0} 人的参保状态从上年带来（职工医保、异地、学校、服役），请核实：属实的选中后确认，不属实的改“参保情况”。</source>
        <translation>{0} 人的参保状态从上年带来（职工医保、异地、学校、服役），请核实：属实的选中后确认，不属实的改“参保情况”。</translation>
    </message>
    <message>
        <source>请先在表中选中要确认的人</source>
        <translation>请先在表中选中要确认的人</translation>
    </message>
    <message>
        <source>已确认 {0} 人：{1}</source>
        <translation>已确认 {0} 人：{1}</translation>
    </message>
    <message>
        <source>（未选中）</source>
        <translation>（未选中）</translation>
    </message>
    <message>
        <source>户主 {0}</source>
        <translation>户主 {0}</translation>
    </message>
    <message>
        <source>电话 {0}</source>
        <translation>电话 {0}</translation>
    </message>
    <message>
        <source>请先在表中选中一个人</source>
        <translation>请先在表中选中一个人</translation>
    </message>
    <message>
        <source>设为户主</source>
        <translation>设为户主</translation>
    </message>
    <message>
        <source>原户主改为与新户主的关系：</source>
        <translation>原户主改为与新户主的关系：</translation>
    </message>
    <message>
        <source>更换户主</source>
        <translation>更换户主</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>区划代码（12位）</source>
        <translation>区划代码（12位）</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>经办人电话</source>
        <translation>经办人电话</translation>
    </message>
    <message>
        <source>本村信息</source>
        <translation>本村信息</translation>
    </message>
    <message>
        <source>保存本村信息</source>
        <translation>保存本村信息</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>大字（看得更清楚）</source>
        <translation>大字（看得更清楚）</translation>
    </message>
    <message>
        <source>重新打开程序后全部生效</source>
        <translation>重新打开程序后全部生效</translation>
    </message>
    <message>
        <source>打印花名册</source>
        <translation>打印花名册</translation>
    </message>
    <message>
        <source>遮挡（同公示）</source>
        <translation>遮挡（同公示）</translation>
    </message>
    <message>
        <source>完整</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>A4（签字所需的列）</source>
        <translation>A4（签字所需的列）</translation>
    </message>
    <message>
        <source>A3（全部列）</source>
        <translation>A3（全部列）</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>上报签名密钥</source>
        <translation>上报签名密钥</translation>
    </message>
    <message>
        <source>生成签名密钥</source>
        <translation>生成签名密钥</translation>
    </message>
    <message>
        <source>乡镇凭这个指纹确认数据包来自本村。换电脑时请电话告诉乡镇新的指纹。</source>
        <translation>乡镇凭这个指纹确认数据包来自本村。换电脑时请电话告诉乡镇新的指纹。</translation>
    </message>
    <message>
        <source>数据存放位置</source>
        <translation>数据存放位置</translation>
    </message>
    <message>
        <source>数据文件</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>签名密钥</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>日志</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>打开数据所在文件夹</source>
        <translation>打开数据所在文件夹</translation>
    </message>
    <message>
        <source>检查数据库</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>换个数据文件夹…</source>
        <translation>换个数据文件夹…</translation>
    </message>
    <message>
        <source>未下达</source>
        <translation>未下达</translation>
    </message>
    <message>
        <source>乡镇下达的任务数（人）</source>
        <translation>乡镇下达的任务数（人）</translation>
    </message>
    <message>
        <source>保存政策</source>
        <translation>保存政策</translation>
    </message>
    <message>
        <source>从政策文件载入…</source>
        <translation>从政策文件载入…</translation>
    </message>
    <message>
        <source>缴费方式（印在缴费告知单、催缴消息上）</source>
        <translation>缴费方式（印在缴费告知单、催缴消息上）</translation>
    </message>
    <message>
        <source>用顿号分开，第一个写进短信</source>
        <translation>用顿号分开，第一个写进短信</translation>
    </message>
    <message>
        <source>如：缴费码、扫村委会张贴的二维码</source>
        <translation>如：缴费码、扫村委会张贴的二维码</translation>
    </message>
    <message>
        <source>缴费说明</source>
        <translation>缴费说明</translation>
    </message>
    <message>
        <source>保存缴费方式</source>
        <translation>保存缴费方式</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>{0}年度政策</source>
        <translation>{0}年度政策</translation>
    </message>
    <message>
        <source>指纹：&lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>指纹：&lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>还没有签名密钥（第一次导出上报数据包时也会自动生成）</source>
        <translation>还没有签名密钥（第一次导出上报数据包时也会自动生成）</translation>
    </message>
    <message>
        <source>已保存。各人应缴金额已按新政策重新计算。</source>
        <translation>已保存。各人应缴金额已按新政策重新计算。</translation>
    </message>
    <message>
        <source>选择政策文件</source>
        <translation>选择政策文件</translation>
    </message>
    <message>
        <source>政策文件 (*.json)</source>
        <translation>政策文件 (*.json)</translation>
    </message>
    <message>
        <source>年度不符</source>
        <translation>年度不符</translation>
    </message>
    <message>
        <source>这个文件是 {0} 年度的政策，当前是 {1} 年度。</source>
        <translation>这个文件是 {0} 年度的政策，当前是 {1} 年度。</translation>
    </message>
    <message>
        <source>已载入，请核对后点“保存政策”</source>
        <translation>已载入，请核对后点“保存政策”</translation>
    </message>
    <message>
        <source>语言 Language</source>
        <translation>语言 Language</translation>
    </message>
    <message>
        <source>对话框立即换用，各页面重新打开程序后全部换用</source>
        <translation>对话框立即换用，各页面重新打开程序后全部换用</translation>
    </message>
    <message>
        <source>数据库完好</source>
        <translation>数据库完好</translation>
    </message>
    <message>
        <source>选择新的数据文件夹</source>
        <translation>选择新的数据文件夹</translation>
    </message>
    <message>
        <source>不能换文件夹</source>
        <translation>不能换文件夹</translation>
    </message>
    <message>
        <source>本次打开的是用 --db 或环境变量指定的数据文件，请在启动时改用新的路径。</source>
        <translation>本次打开的是用 --db 或环境变量指定的数据文件，请在启动时改用新的路径。</translation>
    </message>
    <message>
        <source>数据已移动</source>
        <translation>数据已移动</translation>
    </message>
    <message>
        <source>数据已复制到 {new} 并核对无误，以后都从这里打开。
软件现在关闭，请重新打开。原来的文件 {old} 仍保留着，确认无误后可以删除。</source>
        <translation>数据已复制到 {new} 并核对无误，以后都从这里打开。
软件现在关闭，请重新打开。原来的文件 {old} 仍保留着，确认无误后可以删除。</translation>
    </message>
    <message>
        <source>认定部门</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>已参保</source>
        <translation>已参保</translation>
    </message>
    <message>
        <source>导入部门名单…</source>
        <translation>导入部门名单…</translation>
    </message>
    <message>
        <source>各类特殊群体（本年度）</source>
        <translation>各类特殊群体（本年度）</translation>
    </message>
    <message>
        <source>参保状态</source>
        <translation>参保状态</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>取消此人的标记</source>
        <translation>取消此人的标记</translation>
    </message>
    <message>
        <source>为此人标记本年度类别…</source>
        <translation>为此人标记本年度类别…</translation>
    </message>
    <message>
        <source>查找要标记的人：姓名、拼音首字母、身份证后几位，回车选中</source>
        <translation>查找要标记的人：姓名、拼音首字母、身份证后几位，回车选中</translation>
    </message>
    <message>
        <source>已有类别</source>
        <translation>已有类别</translation>
    </message>
    <message>
        <source>未选人</source>
        <translation>未选人</translation>
    </message>
    <message>
        <source>依据，如：民政所2023年10月名单</source>
        <translation>依据，如：民政所2023年10月名单</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>手工标记一个人</source>
        <translation>手工标记一个人</translation>
    </message>
    <message>
        <source>各部门</source>
        <translation>各部门</translation>
    </message>
    <message>
        <source>{label}：{n} 人，其中未参保 {u} 人</source>
        <translation>{label}：{n} 人，其中未参保 {u} 人</translation>
    </message>
    <message>
        <source>上年：{0}</source>
        <translation>上年：{0}</translation>
    </message>
    <message>
        <source>待重新认定：{n} 人。上年是特殊群体，今年还没有认定——特殊群体身份不自动延续，须有本年度部门名单导入或手工标记，资助才按今年算。</source>
        <translation>待重新认定：{n} 人。上年是特殊群体，今年还没有认定——特殊群体身份不自动延续，须有本年度部门名单导入或手工标记，资助才按今年算。</translation>
    </message>
    <message>
        <source>标记 {name}（{group} {tail}）为</source>
        <translation>标记 {name}（{group} {tail}）为</translation>
    </message>
    <message>
        <source>取消标记</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <source>取消 {name} 的“{label}”标记？
取消后此人的个人应缴金额可能随之改变。</source>
        <translation>取消 {name} 的“{label}”标记？
取消后此人的个人应缴金额可能随之改变。</translation>
    </message>
    <message>
        <source>已取消 {name} 的“{label}”标记</source>
        <translation>已取消 {name} 的“{label}”标记</translation>
    </message>
    <message>
        <source>标记此人</source>
        <translation>标记此人</translation>
    </message>
    <message>
        <source>{name} 已经是“{label}”，没有改动</source>
        <translation>{name} 已经是“{label}”，没有改动</translation>
    </message>
    <message>
        <source>已标记 {name} 为“{label}”（应缴金额随之按政策变化）</source>
        <translation>已标记 {name} 为“{label}”（应缴金额随之按政策变化）</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>概览</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>花名册</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>缴费登记</source>
        <translation>缴费登记</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>特殊群体</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>导出与打印</source>
        <translation>导出与打印</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>变更记录</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>催缴消息</source>
        <translation>催缴消息</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>修改人员信息</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <source>添加人员</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>所在户</source>
        <translation>所在户</translation>
    </message>
    <message>
        <source>身份证号一时无法核对，先按“待核实”登记</source>
        <translation>身份证号一时无法核对，先按“待核实”登记</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>特殊群体（{0}年度）</source>
        <translation>特殊群体（{0}年度）</translation>
    </message>
    <message>
        <source>人员信息</source>
        <translation>人员信息</translation>
    </message>
    <message>
        <source>变更记录 ({0})</source>
        <translation>变更记录 ({0})</translation>
    </message>
    <message>
        <source>变更记录 ({0}，含更正 {1})</source>
        <translation>变更记录 ({0}，含更正 {1})</translation>
    </message>
    <message>
        <source>请先选择此人所在的户</source>
        <translation>请先选择此人所在的户</translation>
    </message>
    <message>
        <source>修改此人信息</source>
        <translation>修改此人信息</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>缴费标准和征缴期</source>
        <translation>缴费标准和征缴期</translation>
    </message>
    <message>
        <source>各类人员资助</source>
        <translation>各类人员资助</translation>
    </message>
    <message>
        <source>长效机制（待遇等待期）</source>
        <translation>长效机制（待遇等待期）</translation>
    </message>
    <message>
        <source>至</source>
        <translation>至</translation>
    </message>
    <message>
        <source>每月只在</source>
        <translation>每月只在</translation>
    </message>
    <message>
        <source>日至</source>
        <translation>日至</translation>
    </message>
    <message>
        <source>日收缴</source>
        <translation>日收缴</translation>
    </message>
    <message>
        <source>此日及以后出生的免缴</source>
        <translation>此日及以后出生的免缴</translation>
    </message>
    <message>
        <source>参保年度</source>
        <translation>参保年度</translation>
    </message>
    <message>
        <source>政策名称</source>
        <translation>政策名称</translation>
    </message>
    <message>
        <source>个人缴费标准（元）</source>
        <translation>个人缴费标准（元）</translation>
    </message>
    <message>
        <source>财政补助（元）</source>
        <translation>财政补助（元）</translation>
    </message>
    <message>
        <source>征缴期</source>
        <translation>征缴期</translation>
    </message>
    <message>
        <source>每月收缴日</source>
        <translation>每月收缴日</translation>
    </message>
    <message>
        <source>新生儿免缴</source>
        <translation>新生儿免缴</translation>
    </message>
    <message>
        <source>{0}年度</source>
        <translation>{0}年度</translation>
    </message>
    <message>
        <source>依据：{0}</source>
        <translation>依据：{0}</translation>
    </message>
    <message>
        <source>元</source>
        <translation>元</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>还有 {0} 处要修改，已用红字标在各项下面。</source>
        <translation>还有 {0} 处要修改，已用红字标在各项下面。</translation>
    </message>
    <message>
        <source>个人缴 {0} 元</source>
        <translation>个人缴 {0} 元</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>参保年度和政策</source>
        <translation>参保年度和政策</translation>
    </message>
    <message>
        <source>从相近的县开始，再对照县里的征缴通知改成本县今年的数字（改年度时征缴期跟着变）。</source>
        <translation>从相近的县开始，再对照县里的征缴通知改成本县今年的数字（改年度时征缴期跟着变）。</translation>
    </message>
    <message>
        <source>从政策文件载入…</source>
        <translation>从政策文件载入…</translation>
    </message>
    <message>
        <source>暂不填</source>
        <translation>暂不填</translation>
    </message>
    <message>
        <source>从这里开始</source>
        <translation>从这里开始</translation>
    </message>
    <message>
        <source>任务数（人）</source>
        <translation>任务数（人）</translation>
    </message>
    <message>
        <source>选择政策文件</source>
        <translation>选择政策文件</translation>
    </message>
    <message>
        <source>政策文件 (*.json)</source>
        <translation>政策文件 (*.json)</translation>
    </message>
    <message>
        <source>政策文件有误</source>
        <translation>政策文件有误</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>更正原因</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source> {0} 的上报包</source>
        <translation> {0} 的上报包</translation>
    </message>
    <message>
        <source>上报包</source>
        <translation>上报包</translation>
    </message>
    <message>
        <source>{what}会更正{package}中已报给乡镇的{year}年度内容，请写明原因。</source>
        <translation>{what}会更正{package}中已报给乡镇的{year}年度内容，请写明原因。</translation>
    </message>
    <message>
        <source>此项修改</source>
        <translation>此项修改</translation>
    </message>
    <message>
        <source>必填，如：身份证号录入错误</source>
        <translation>必填，如：身份证号录入错误</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>原因会记入变更记录，并随下次上报包报给乡镇。</source>
        <translation>原因会记入变更记录，并随下次上报包报给乡镇。</translation>
    </message>
    <message>
        <source>常用</source>
        <translation>常用</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>请写明更正原因</source>
        <translation>请写明更正原因</translation>
    </message>
</context>
<context>
    <name>ResultBar</name>
    <message>
        <source>打开文件</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>已生成：{path}</source>
        <translation>已生成：{path}</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>小组</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>参保状态</source>
        <translation>参保状态</translation>
    </message>
    <message>
        <source>应缴</source>
        <translation>应缴</translation>
    </message>
    <message>
        <source>已缴</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>性别年龄</source>
        <translation>性别年龄</translation>
    </message>
    <message>
        <source>待核实：</source>
        <translation>待核实：</translation>
    </message>
    <message>
        <source>应退费 {0} 元</source>
        <translation>应退费 {0} 元</translation>
    </message>
    <message>
        <source>上年带入，待确认</source>
        <translation>上年带入，待确认</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>村医保征缴助手 — 首次设置</source>
        <translation>村医保征缴助手 — 首次设置</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>TownshipWindow</name>
    <message>
        <source>村医保征缴助手 — 乡镇汇总</source>
        <translation>村医保征缴助手 — 乡镇汇总</translation>
    </message>
    <message>
        <source>接收上报包…</source>
        <translation>接收上报包…</translation>
    </message>
    <message>
        <source>载入任务分配表…</source>
        <translation>载入任务分配表…</translation>
    </message>
    <message>
        <source>导出汇总表…</source>
        <translation>导出汇总表…</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>切换到村级模式(&amp;V)</source>
        <translation>切换到村级模式(&amp;V)</translation>
    </message>
    <message>
        <source> 参保年度 </source>
        <translation> 参保年度 </translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>多处已参保</source>
        <translation>多处已参保</translation>
    </message>
    <message>
        <source>登记在</source>
        <translation>登记在</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>未缴原因</source>
        <translation>未缴原因</translation>
    </message>
    <message>
        <source>进度排名</source>
        <translation>进度排名</translation>
    </message>
    <message>
        <source>重复参保</source>
        <translation>重复参保</translation>
    </message>
    <message>
        <source>特殊群体未参保</source>
        <translation>特殊群体未参保</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>双击一个村，查看它的各组、特殊群体、未缴原因和未缴名单；双击“更正”列，查看它的更正</source>
        <translation>双击一个村，查看它的各组、特殊群体、未缴原因和未缴名单；双击“更正”列，查看它的更正</translation>
    </message>
    <message>
        <source>把村里的上报包（.zip）拖到这个窗口，或按 Ctrl+O 选择；被改动过的包、比已收到的更旧的包会被拒收并写明原因</source>
        <translation>把村里的上报包（.zip）拖到这个窗口，或按 Ctrl+O 选择；被改动过的包、比已收到的更旧的包会被拒收并写明原因</translation>
    </message>
    <message>
        <source>正在汇总…</source>
        <translation>正在汇总…</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>{year}年度</translation>
    </message>
    <message>
        <source>还没有收到任何村的上报包。</source>
        <translation>还没有收到任何村的上报包。</translation>
    </message>
    <message>
        <source>重复参保 ({n})</source>
        <translation>重复参保 ({n})</translation>
    </message>
    <message>
        <source>特殊群体未参保 ({n})</source>
        <translation>特殊群体未参保 ({n})</translation>
    </message>
    <message>
        <source>更正 ({n})</source>
        <translation>更正 ({n})</translation>
    </message>
    <message>
        <source>注意：{w}</source>
        <translation>注意：{w}</translation>
    </message>
    <message>
        <source>正在读取该村的未缴名单…</source>
        <translation>正在读取该村的未缴名单…</translation>
    </message>
    <message>
        <source>正在接收 {n} 个上报包…</source>
        <translation>正在接收 {n} 个上报包…</translation>
    </message>
    <message>
        <source>正在验签、接收上报包…</source>
        <translation>正在验签、接收上报包…</translation>
    </message>
    <message>
        <source>已接收 {village} {year}年度 第{seq}号包：{persons} 人，应参保 {eligible}，已参保 {enrolled}</source>
        <translation>已接收 {village} {year}年度 第{seq}号包：{persons} 人，应参保 {eligible}，已参保 {enrolled}</translation>
    </message>
    <message>
        <source>，更正 {n} 条</source>
        <translation>，更正 {n} 条</translation>
    </message>
    <message>
        <source>（替换第{n}号包）</source>
        <translation>（替换第{n}号包）</translation>
    </message>
    <message>
        <source>  已登记该村密钥指纹 {fp}（请与经办人核对汇总表上打印的指纹）</source>
        <translation>  已登记该村密钥指纹 {fp}（请与经办人核对汇总表上打印的指纹）</translation>
    </message>
    <message>
        <source>拒收 {name}：{reason}</source>
        <translation>拒收 {name}：{reason}</translation>
    </message>
    <message>
        <source>新收 {a} 个，更新 {r} 个，已收过或较旧 {k} 个，拒收 {n} 个</source>
        <translation>新收 {a} 个，更新 {r} 个，已收过或较旧 {k} 个，拒收 {n} 个</translation>
    </message>
    <message>
        <source>有上报包被拒收</source>
        <translation>有上报包被拒收</translation>
    </message>
    <message>
        <source>已核对指纹，信任 {village} 的新密钥 {fp}</source>
        <translation>已核对指纹，信任 {village} 的新密钥 {fp}</translation>
    </message>
    <message>
        <source>未信任 {village} 的新密钥，{file} 保持拒收</source>
        <translation>未信任 {village} 的新密钥，{file} 保持拒收</translation>
    </message>
    <message>
        <source>选择村里的上报包</source>
        <translation>选择村里的上报包</translation>
    </message>
    <message>
        <source>上报包 (*.zip)</source>
        <translation>上报包 (*.zip)</translation>
    </message>
    <message>
        <source>选择任务分配表</source>
        <translation>选择任务分配表</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx *.xls)</source>
        <translation>Excel 文件 (*.xlsx *.xls)</translation>
    </message>
    <message>
        <source>正在载入任务分配表…</source>
        <translation>正在载入任务分配表…</translation>
    </message>
    <message>
        <source>已载入 {n} 个村的任务数（工作表“{sheet}”，村名取“{name}”列，任务数取“{task}”列），合计 {total} 人</source>
        <translation>已载入 {n} 个村的任务数（工作表“{sheet}”，村名取“{name}”列，任务数取“{task}”列），合计 {total} 人</translation>
    </message>
    <message>
        <source>任务表的合计对不上</source>
        <translation>任务表的合计对不上</translation>
    </message>
    <message>
        <source>村名</source>
        <translation>村名</translation>
    </message>
    <message>
        <source>任务数</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>选择{which}所在的列</source>
        <translation>选择{which}所在的列</translation>
    </message>
    <message>
        <source>{file} 里看不准哪一列是{which}，请选择：</source>
        <translation>{file} 里看不准哪一列是{which}，请选择：</translation>
    </message>
    <message>
        <source>还没有收到任何村的上报包，没有可导出的内容</source>
        <translation>还没有收到任何村的上报包，没有可导出的内容</translation>
    </message>
    <message>
        <source>{year}年度乡镇参保汇总.xlsx</source>
        <translation>{year}年度乡镇参保汇总.xlsx</translation>
    </message>
    <message>
        <source>导出汇总表</source>
        <translation>导出汇总表</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出汇总表…</source>
        <translation>正在导出汇总表…</translation>
    </message>
    <message>
        <source>已导出 {path}</source>
        <translation>已导出 {path}</translation>
    </message>
</context>
<context>
    <name>UnpaidReasonDialog</name>
    <message>
        <source>未缴原因：{0}</source>
        <translation>未缴原因：{0}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>可不填；选“其他”时请写明</source>
        <translation>可不填；选“其他”时请写明</translation>
    </message>
    <message>
        <source>未缴原因</source>
        <translation>未缴原因</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>提示：请核实此人是否属于低保、特困、监测户等资助对象。</source>
        <translation>提示：请核实此人是否属于低保、特困、监测户等资助对象。</translation>
    </message>
</context>
<context>
    <name>VillageDetailDialog</name>
    <message>
        <source>{name} — {year}年度</source>
        <translation>{name} — {year}年度</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;（{code}）{year}年度　第 {rank} 名&lt;br&gt;经办人 {agent}　电话 {phone}　第{seq}号包 {at}&lt;br&gt;任务 {task}　应参保 {eligible}　已参保 {enrolled}　完成率 &lt;b&gt;{completion}&lt;/b&gt;　差额 &lt;b&gt;{shortfall}&lt;/b&gt;　未缴 {unpaid}　征缴 {collected} 元　应退费 {refund} 人</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;（{code}）{year}年度　第 {rank} 名&lt;br&gt;经办人 {agent}　电话 {phone}　第{seq}号包 {at}&lt;br&gt;任务 {task}　应参保 {eligible}　已参保 {enrolled}　完成率 &lt;b&gt;{completion}&lt;/b&gt;　差额 &lt;b&gt;{shortfall}&lt;/b&gt;　未缴 {unpaid}　征缴 {collected} 元　应退费 {refund} 人</translation>
    </message>
    <message>
        <source>未缴原因</source>
        <translation>未缴原因</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>各组</source>
        <translation>各组</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>特殊群体</translation>
    </message>
    <message>
        <source>未缴名单 ({n})</source>
        <translation>未缴名单 ({n})</translation>
    </message>
    <message>
        <source>查看更正 ({n})</source>
        <translation>查看更正 ({n})</translation>
    </message>
</context>
<context>
    <name>VillagePage</name>
    <message>
        <source>本村信息</source>
        <translation>本村信息</translation>
    </message>
    <message>
        <source>这些信息会印在花名册和汇总表上。</source>
        <translation>这些信息会印在花名册和汇总表上。</translation>
    </message>
    <message>
        <source>如：获嘉县</source>
        <translation>如：获嘉县</translation>
    </message>
    <message>
        <source>如：照镜镇</source>
        <translation>如：照镜镇</translation>
    </message>
    <message>
        <source>如：大王庄村</source>
        <translation>如：大王庄村</translation>
    </message>
    <message>
        <source>12位行政区划代码，不知道可以不填</source>
        <translation>12位行政区划代码，不知道可以不填</translation>
    </message>
    <message>
        <source>县（市、区）*</source>
        <translation>县（市、区）*</translation>
    </message>
    <message>
        <source>乡镇（街道）*</source>
        <translation>乡镇（街道）*</translation>
    </message>
    <message>
        <source>村（社区）*</source>
        <translation>村（社区）*</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>区划代码</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>全村花名册（Excel）：每人一行，交乡镇或存档；第二张表“数据”供系统导入。</source>
        <translation>全村花名册（Excel）：每人一行，交乡镇或存档；第二张表“数据”供系统导入。</translation>
    </message>
    <message>
        <source>入户催缴清单（PDF）：未缴费的人按组、按户列出，带勾选框和备注栏，上门催缴时打印带上。可只打印一个组。</source>
        <translation>入户催缴清单（PDF）：未缴费的人按组、按户列出，带勾选框和备注栏，上门催缴时打印带上。可只打印一个组。</translation>
    </message>
    <message>
        <source>参保缴费情况公示（PDF）：已参保的人，身份证号打码，不含金额、人员类别和电话，张贴在村务公开栏。可只打印一个组。</source>
        <translation>参保缴费情况公示（PDF）：已参保的人，身份证号打码，不含金额、人员类别和电话，张贴在村务公开栏。可只打印一个组。</translation>
    </message>
    <message>
        <source>缴费告知单（PDF）：每户一张，一页印三张，沿虚线剪开发到各户：每人应缴多少、本户合计、怎么缴、截止日期，以及逾期缴费要等几个月才能报销。可只打印一个组或只印未缴的户。</source>
        <translation>缴费告知单（PDF）：每户一张，一页印三张，沿虚线剪开发到各户：每人应缴多少、本户合计、怎么缴、截止日期，以及逾期缴费要等几个月才能报销。可只打印一个组或只印未缴的户。</translation>
    </message>
    <message>
        <source>催缴消息（Excel）：每个未缴费的户一条短信或微信消息，旁边是电话；另有发到村民群的进度消息（不点名）和政策宣传。也可以在“催缴消息”页一条条复制。</source>
        <translation>催缴消息（Excel）：每个未缴费的户一条短信或微信消息，旁边是电话；另有发到村民群的进度消息（不点名）和政策宣传。也可以在“催缴消息”页一条条复制。</translation>
    </message>
    <message>
        <source>政策宣传单（PDF，一页）：缴费标准、各类资助、缴费时间和方式、待遇等待期和连续参保奖励，张贴或发给村民。</source>
        <translation>政策宣传单（PDF，一页）：缴费标准、各类资助、缴费时间和方式、待遇等待期和连续参保奖励，张贴或发给村民。</translation>
    </message>
    <message>
        <source>汇总表（PDF）：各项数字、按组和按特殊群体的情况，经办人和村委会主任签字、盖章处，印有花名册文件的校验码。</source>
        <translation>汇总表（PDF）：各项数字、按组和按特殊群体的情况，经办人和村委会主任签字、盖章处，印有花名册文件的校验码。</translation>
    </message>
    <message>
        <source>上报包（.zip）：花名册、汇总表和全部数据，用本机密钥签名，交乡镇汇总（U盘或微信发送都可以）。每次导出编号加一。</source>
        <translation>上报包（.zip）：花名册、汇总表和全部数据，用本机密钥签名，交乡镇汇总（U盘或微信发送都可以）。每次导出编号加一。</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>花名册（上年度参保人员名册）</source>
        <translation>花名册（上年度参保人员名册）</translation>
    </message>
    <message>
        <source>特殊群体名单（民政、乡村振兴、残联等）</source>
        <translation>特殊群体名单（民政、乡村振兴、残联等）</translation>
    </message>
    <message>
        <source>征缴明细（税务导出）</source>
        <translation>征缴明细（税务导出）</translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>新增户</source>
        <translation>新增户</translation>
    </message>
    <message>
        <source>已在册</source>
        <translation>已在册</translation>
    </message>
    <message>
        <source>表内重复</source>
        <translation>表内重复</translation>
    </message>
    <message>
        <source>身份证号待核实</source>
        <translation>身份证号待核实</translation>
    </message>
    <message>
        <source>15位升18位</source>
        <translation>15位升18位</translation>
    </message>
    <message>
        <source>标记人员类别</source>
        <translation>标记人员类别</translation>
    </message>
    <message>
        <source>有参保年限记录</source>
        <translation>有参保年限记录</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>标记人数</source>
        <translation>标记人数</translation>
    </message>
    <message>
        <source>新增标记</source>
        <translation>新增标记</translation>
    </message>
    <message>
        <source>姓名不一致</source>
        <translation>姓名不一致</translation>
    </message>
    <message>
        <source>不在本村花名册</source>
        <translation>不在本村花名册</translation>
    </message>
    <message>
        <source>不符合条件</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>已登记过（票号重复）</source>
        <translation>已登记过（票号重复）</translation>
    </message>
    <message>
        <source>对不上人（进待认领）</source>
        <translation>对不上人（进待认领）</translation>
    </message>
    <message>
        <source>其他年度</source>
        <translation>其他年度</translation>
    </message>
    <message>
        <source>其他险种</source>
        <translation>其他险种</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>出错了</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>操作没有完成：程序内部出错，详情已记入日志文件。数据没有改动。</source>
        <translation>操作没有完成：程序内部出错，详情已记入日志文件。数据没有改动。</translation>
    </message>
</context>
</TS>
