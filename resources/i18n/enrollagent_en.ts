<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>村医保征缴助手</source>
        <translation>Village Medical Insurance Assistant</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
    <message>
        <source>详细情况已记录在：{0}</source>
        <translation>Details were written to: {0}</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>程序遇到了意外问题，刚才的操作可能没有完成。已保存的数据不受影响。</source>
        <translation>The program ran into an unexpected problem; the last action may not have finished. Saved data is not affected.</translation>
    </message>
    <message>
        <source>请把这个文件交给技术支持人员。</source>
        <translation>Please give this file to technical support.</translation>
    </message>
    <message>
        <source>无法打开数据</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <source>数据文件已损坏</source>
        <translation>The data file is damaged</translation>
    </message>
    <message>
        <source>现在用这份备份恢复吗？损坏的文件会另存在备份文件夹里。</source>
        <translation>Restore from this backup now? The damaged file will be kept in the backup folder.</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>【试导入，未写入】</source>
        <translation>[Trial import, nothing written] </translation>
    </message>
    <message>
        <source>【已导入】</source>
        <translation>[Imported] </translation>
    </message>
    <message>
        <source>{head}{file}：表头在第{row}行，读到 {rows} 行数据。{counts}</source>
        <translation>{head}{file}: header on row {row}, {rows} data rows read. {counts}</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>缴费日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>手工标记</source>
        <translation>Marked by hand</translation>
    </message>
    <message>
        <source>手工标记：{note}</source>
        <translation>Marked by hand: {note}</translation>
    </message>
    <message>
        <source>（{sheet}）</source>
        <translation> ({sheet})</translation>
    </message>
    <message>
        <source>{file}{sheet} 第{row}行</source>
        <translation>{file}{sheet} row {row}</translation>
    </message>
    <message>
        <source>{task}（村报）</source>
        <translation>{task} (village&apos;s figure)</translation>
    </message>
    <message>
        <source>未上报</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>第{seq}号 {at}</source>
        <translation>No. {seq} {at}</translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>第{seq}号</source>
        <translation>No. {seq}</translation>
    </message>
    <message>
        <source>全村</source>
        <translation>Whole village</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:14pt&apos;&gt;&lt;b&gt;{township}{year}年度&lt;/b&gt;&#x3000;已上报 &lt;b&gt;{reported}&lt;/b&gt;/{villages} 村&#x3000;应参保 &lt;b&gt;{eligible}&lt;/b&gt;&#x3000;已参保 &lt;b&gt;{enrolled}&lt;/b&gt;&#x3000;参保率 &lt;b&gt;{rate}&lt;/b&gt;&#x3000;任务 {task}&#x3000;完成 &lt;b&gt;{completion}&lt;/b&gt;&#x3000;差额 &lt;b&gt;{shortfall}&lt;/b&gt;&#x3000;征缴 {collected} 元&#x3000;特殊群体未参保 &lt;b&gt;{gaps}&lt;/b&gt; 人&#x3000;重复参保 &lt;b&gt;{dups}&lt;/b&gt; 人&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-size:14pt&apos;&gt;&lt;b&gt;{township} {year}&lt;/b&gt;&#x3000;Reported &lt;b&gt;{reported}&lt;/b&gt;/{villages} villages&#x3000;Eligible &lt;b&gt;{eligible}&lt;/b&gt;&#x3000;Enrolled &lt;b&gt;{enrolled}&lt;/b&gt;&#x3000;Rate &lt;b&gt;{rate}&lt;/b&gt;&#x3000;Target {task}&#x3000;Achieved &lt;b&gt;{completion}&lt;/b&gt;&#x3000;Shortfall &lt;b&gt;{shortfall}&lt;/b&gt;&#x3000;Collected {collected} yuan&#x3000;Special groups not enrolled &lt;b&gt;{gaps}&lt;/b&gt;&#x3000;Enrolled twice &lt;b&gt;{dups}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于 村医保征缴助手</source>
        <translation>About EnrollAgent</translation>
    </message>
    <message>
        <source>尚未生成</source>
        <translation>Not created yet</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>签名密钥指纹</source>
        <translation>Signing key fingerprint</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>&lt;b&gt;村医保征缴助手 EnrollAgent&lt;/b&gt;</source>
        <translation>&lt;b&gt;EnrollAgent 村医保征缴助手&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>AgentPage</name>
    <message>
        <source>经办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>负责本村征缴的人，签字在汇总表上。</source>
        <translation>The person in charge of collection in this village; signs the summary sheet.</translation>
    </message>
    <message>
        <source>手机11位</source>
        <translation>11-digit mobile</translation>
    </message>
    <message>
        <source>经办人姓名*</source>
        <translation>Agent&apos;s name*</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>AmendmentsPage</name>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>上报包</source>
        <translation>Report package</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>更正项目</source>
        <translation>Corrected item</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>{village}（{n} 条）</source>
        <translation>{village} ({n})</translation>
    </message>
</context>
<context>
    <name>CoverBox</name>
    <message>
        <source>参保年限与待遇等待期</source>
        <translation>Years insured and waiting period</translation>
    </message>
    <message>
        <source>连续参保</source>
        <translation>Continuous years</translation>
    </message>
    <message>
        <source>断保</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <source>待遇等待期</source>
        <translation>Waiting period</translation>
    </message>
    <message>
        <source>大病保险</source>
        <translation>Critical illness insurance</translation>
    </message>
    <message>
        <source>{0} 年</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <source>（往年参保情况不明，只算本村记录）</source>
        <translation>(earlier years unknown; counts this village&apos;s records only)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>（缴费修复 {0} 年）</source>
        <translation>(restored by payment: {0} years)</translation>
    </message>
    <message>
        <source>无（{0}）</source>
        <translation>None ({0})</translation>
    </message>
    <message>
        <source>按时缴费 {0} / 逾期缴费 {1}</source>
        <translation>Paid on time {0} / paid late {1}</translation>
    </message>
    <message>
        <source>最高支付限额提高 {0} 元</source>
        <translation>Payout limit raised by {0} yuan</translation>
    </message>
    <message>
        <source>{0} 个月</source>
        <translation>{0} months</translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <source>参保情况：{0}</source>
        <translation>Coverage: {0}</translation>
    </message>
    <message>
        <source>参保类型</source>
        <translation>Coverage type</translation>
    </message>
    <message>
        <source>在何地参保</source>
        <translation>Insured where</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>如：广东省东莞市</source>
        <translation>e.g. Dongguan, Guangdong</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>异地参保请写明在何地参保</source>
        <translation>For coverage elsewhere, say where</translation>
    </message>
    <message>
        <source>修改参保情况</source>
        <translation>Change coverage</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>现在导入去年的花名册（Excel），省去重新录入</source>
        <translation>Import last year&apos;s roster (Excel) now instead of typing it in again</translation>
    </message>
    <message>
        <source>同时会在数据文件旁生成本村的签名密钥，用于给上报的数据包签名。</source>
        <translation>This village&apos;s signing key will also be created next to the data file, to sign the report packages.</translation>
    </message>
    <message>
        <source>将以乡镇汇总模式打开。以后每次启动都直接进入乡镇汇总。</source>
        <translation>Will open in township mode, and start in township mode every time from now on.</translation>
    </message>
    <message>
        <source>将建立：{0}{1}{2}，经办人 {3}，{4}年度（{5}）。</source>
        <translation>Will set up: {0}{1}{2}, agent {3}, year {4} ({5}).</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>使用指南 — 村医保征缴助手</source>
        <translation>User guide — EnrollAgent</translation>
    </message>
    <message>
        <source>&lt; 后退</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>快速参考</source>
        <translation>Quick reference</translation>
    </message>
    <message>
        <source>打印本页…</source>
        <translation>Print this page…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
</context>
<context>
    <name>HouseholdCombo</name>
    <message>
        <source>输入户主姓名、户号或组名</source>
        <translation>Type head&apos;s name, household no. or group</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>新增一户</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>修改户信息</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <source>手机11位，或座机如 0373-4451234</source>
        <translation>11-digit mobile, or a landline such as 0373-4451234</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>户主姓名</source>
        <translation>Head&apos;s name</translation>
    </message>
    <message>
        <source>户主身份证号</source>
        <translation>Head&apos;s ID number</translation>
    </message>
</context>
<context>
    <name>HouseholdSlip</name>
    <message>
        <source>打印本户缴费告知单</source>
        <translation>Print this household&apos;s payment notice</translation>
    </message>
    <message>
        <source>缴费告知单 (*.pdf)</source>
        <translation>Payment notice (*.pdf)</translation>
    </message>
</context>
<context>
    <name>IdField</name>
    <message>
        <source>18位身份证号，末位可为X</source>
        <translation>18-digit ID number; the last may be X</translation>
    </message>
    <message>
        <source>输入身份证号后，这里会显示出生日期、性别和年龄</source>
        <translation>After you enter the ID number, birth date, sex and age show here</translation>
    </message>
    <message>
        <source>（由15位旧号升级）</source>
        <translation>(upgraded from an old 15-digit number)</translation>
    </message>
    <message>
        <source>✓ 出生日期 {0}，{1}，{2}岁</source>
        <translation>✓ Born {0}, {1}, age {2}</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>缴费日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>选中一行按回车：用它的身份证号查找此人；在上面回车选中人以后，点“认领给选中的人”</source>
        <translation>Select a row and press Enter to look the person up by its ID number; once a person is selected above, click &quot;Assign to selected person&quot;</translation>
    </message>
    <message>
        <source>查找此人</source>
        <translation>Find this person</translation>
    </message>
    <message>
        <source>认领给选中的人(&amp;R)</source>
        <translation>Assign to selected person(&amp;R)</translation>
    </message>
    <message>
        <source>花名册里没有：先添加此人…</source>
        <translation>Not on the roster: add this person first…</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>正在取消，已做的改动将全部撤回…</source>
        <translation>Cancelling; all changes made so far will be undone…</translation>
    </message>
</context>
<context>
    <name>KeyChangeDialog</name>
    <message>
        <source>{village} 的签名密钥变了</source>
        <translation>{village}&apos;s signing key has changed</translation>
    </message>
    <message>
        <source>{file} 不是用乡镇为 {village} 登记的密钥签的，已拒收。换了电脑或重装了软件时会这样，别人冒充上报时也会这样：请打电话给经办人，请他念出软件里“上报包”页显示的密钥指纹，与下面的新指纹逐位核对。</source>
        <translation>{file} is not signed with the key the township registered for {village}, so it was refused. This happens after a new computer or a reinstall, and also when someone else pretends to report: call the agent, ask them to read out the key fingerprint shown on the app&apos;s &quot;Report package&quot; page, and check it digit by digit against the new fingerprint below.</translation>
    </message>
    <message>
        <source>&lt;b&gt;登记的密钥&lt;/b&gt;</source>
        <translation>&lt;b&gt;Registered key&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;此包的密钥&lt;/b&gt;</source>
        <translation>&lt;b&gt;This package&apos;s key&lt;/b&gt;</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>首次收到</source>
        <translation>First received</translation>
    </message>
    <message>
        <source>本次</source>
        <translation>This time</translation>
    </message>
    <message>
        <source>核对无误才信任：信任后这个村今后的上报包都要用新密钥签。</source>
        <translation>Trust it only if it matches: once trusted, all of this village&apos;s future packages must be signed with the new key.</translation>
    </message>
    <message>
        <source>指纹已核对，信任新密钥并接收</source>
        <translation>Fingerprint checked: trust the new key and accept</translation>
    </message>
    <message>
        <source>不信任，保持拒收</source>
        <translation>Do not trust, keep refusing</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>数据文件：{0}</source>
        <translation>Data file: {0}</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>开始新年度征缴…</source>
        <translation>Start a new year&apos;s collection…</translation>
    </message>
    <message>
        <source>乡镇汇总模式…</source>
        <translation>Township mode…</translation>
    </message>
    <message>
        <source>备份到U盘…</source>
        <translation>Back up to USB drive…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>页面(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>快速参考</source>
        <translation>Quick reference</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>{year}年度（征缴期 {start} 至 {end}）</source>
        <translation>{year} (collection period {start} to {end})</translation>
    </message>
    <message>
        <source>村医保征缴助手 — {0} — {1}</source>
        <translation>Village Medical Insurance Assistant — {0} — {1}</translation>
    </message>
    <message>
        <source>已开始{0}年度征缴，各页面显示的都是{0}年度。</source>
        <translation>Collection for {0} has started; every page now shows {0}.</translation>
    </message>
    <message>
        <source>选择U盘或保存备份的文件夹</source>
        <translation>Choose the USB drive or a folder for the backup</translation>
    </message>
    <message>
        <source>备份没有完成</source>
        <translation>Backup not finished</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup finished</translation>
    </message>
    <message>
        <source>已备份到：{0}
{1} {2}年度 在册 {3} 人，缴费 {4} 笔。
</source>
        <translation>Backed up to: {0}
{1} {2}: {3} people on the roster, {4} payments.
</translation>
    </message>
    <message>
        <source>备份里有本村数据和签名密钥，请妥善保管。</source>
        <translation>The backup holds the village&apos;s data and signing key; keep it safe.</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>点一下“复制”，到微信或短信里粘贴（{0}字）</source>
        <translation>Click &quot;Copy&quot;, then paste into WeChat or a text message ({0} characters)</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>欢迎使用村医保征缴助手</source>
        <translation>Welcome to the Village Medical Insurance Assistant</translation>
    </message>
    <message>
        <source>先做几步设置。以后都可以在“设置”里修改。</source>
        <translation>A few settings first. You can change them all later in &quot;Settings&quot;.</translation>
    </message>
    <message>
        <source>村级经办：管理本村的花名册、缴费和上报</source>
        <translation>Village agent: manage the village&apos;s roster, payments and reports</translation>
    </message>
    <message>
        <source>乡镇汇总：汇总各村上报的数据包（乡镇医保办使用）</source>
        <translation>Township summary: combine the packages reported by villages (for the township insurance office)</translation>
    </message>
    <message>
        <source>建一个练习村</source>
        <translation>Make a practice village</translation>
    </message>
    <message>
        <source>先熟悉软件？练习村有几百位虚构的村民和各种情况（特殊群体、身份证号有误、重复、退费、对不上人的缴费），每一页、每份导出都标有“练习”。</source>
        <translation>Want to learn the app first? A practice village has a few hundred made-up villagers and every kind of case (special groups, wrong ID numbers, duplicates, refunds, payments that match nobody); every page and every export is marked “练习” (practice).</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>迁到另一户：{0}</source>
        <translation>Move to another household: {0}</translation>
    </message>
    <message>
        <source>迁入的户</source>
        <translation>Household to move into</translation>
    </message>
    <message>
        <source>与新户主关系</source>
        <translation>Relationship to new head</translation>
    </message>
    <message>
        <source>迁移</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>请选择要迁入的户</source>
        <translation>Please choose the household to move into</translation>
    </message>
    <message>
        <source>迁户</source>
        <translation>Move household</translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message>
        <source>开始新年度征缴</source>
        <translation>Start a new year&apos;s collection</translation>
    </message>
    <message>
        <source> 年度</source>
        <translation> </translation>
    </message>
    <message>
        <source>沿用{year}年度政策（{name}）</source>
        <translation>Keep the {year} policy ({name})</translation>
    </message>
    <message>
        <source>预设：{name}</source>
        <translation>Preset: {name}</translation>
    </message>
    <message>
        <source>暂不填</source>
        <translation>Leave blank for now</translation>
    </message>
    <message>
        <source>新的参保年度</source>
        <translation>New coverage year</translation>
    </message>
    <message>
        <source>政策从哪里开始</source>
        <translation>Where the policy starts from</translation>
    </message>
    <message>
        <source>乡镇下达的任务数（人）</source>
        <translation>Target set by the township (people)</translation>
    </message>
    <message>
        <source>请对照县里新年度的征缴通知，核对缴费标准、征缴期和各类人员的资助。</source>
        <translation>Check the contribution, collection period and subsidies for each group against the county&apos;s notice for the new year.</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步：预览</source>
        <translation>Next: preview</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>开始{year}年度</source>
        <translation>Start {year}</translation>
    </message>
    <message>
        <source>从{old}年度进入{new}年度，将会：</source>
        <translation>Going from {old} to {new} will:</translation>
    </message>
    <message>
        <source>带入新年度 &lt;b&gt;{n}&lt;/b&gt; 人（{h} 户）</source>
        <translation>Carry &lt;b&gt;{n}&lt;/b&gt; people ({h} households) into the new year</translation>
    </message>
    <message>
        <source>离开名册 &lt;b&gt;{n}&lt;/b&gt; 人{detail}，不带入新年度</source>
        <translation>Leave &lt;b&gt;{n}&lt;/b&gt; people{detail} off the roster; they are not carried over</translation>
    </message>
    <message>
        <source>待确认参保状态 &lt;b&gt;{n}&lt;/b&gt; 人：职工医保、异地参保、学校参保、服役的状态带入，请逐一核实后确认</source>
        <translation>&lt;b&gt;{n}&lt;/b&gt; people&apos;s coverage to confirm: employee insurance, insured elsewhere, at school and military service are carried over; check each one and confirm</translation>
    </message>
    <message>
        <source>待重新认定的特殊群体 &lt;b&gt;{n}&lt;/b&gt; 人：去年的特困、低保等标记不带入，按新年度部门名单重新认定</source>
        <translation>&lt;b&gt;{n}&lt;/b&gt; special-group members to recognise again: last year&apos;s marks (extreme poverty, subsistence allowance…) are not carried over; recognise them from the new year&apos;s department lists</translation>
    </message>
    <message>
        <source>缴费从零开始：新年度还没有任何缴费记录</source>
        <translation>Payments start from zero: the new year has no payments yet</translation>
    </message>
    <message>
        <source>政策：{name}，个人缴费 {standard} 元，征缴期 {start} 至 {end}</source>
        <translation>Policy: {name}, personal contribution {standard} yuan, collection period {start} to {end}</translation>
    </message>
    <message>
        <source>任务数：{task}</source>
        <translation>Target: {task}</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>{old}年度的名册和缴费原样保留，仍可在“导出与打印”里选{old}年度导出。点“开始”后，各页面都换成{new}年度。</source>
        <translation>The {old} roster and payments stay as they are; you can still export them by choosing {old} in &quot;Export and print&quot;. After &quot;Start&quot;, every page switches to {new}.</translation>
    </message>
    <message>
        <source>注意：这个征缴期已于 {end} 结束，此后缴费的人参保后有待遇等待期。</source>
        <translation>Note: this collection period ended on {end}; anyone paying after it has a waiting period once insured.</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>姓名或身份证号，回车查找</source>
        <translation>Name or ID number, then Enter</translation>
    </message>
    <message>
        <source>全部人员</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>只看更正</source>
        <translation>Corrections only</translation>
    </message>
    <message>
        <source>导出xlsx…</source>
        <translation>Export xlsx…</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>查无此人</source>
        <translation>No such person</translation>
    </message>
    <message>
        <source>（共 {0} 人相符，显示第一位）</source>
        <translation>({0} people match; showing the first)</translation>
    </message>
    <message>
        <source>{0} 变更记录</source>
        <translation>Change log of {0}</translation>
    </message>
    <message>
        <source>当前参保年度：{0}年度。黄底并在“更正”栏标“是”的，是更正了已上报乡镇的内容，会列入下次上报包。</source>
        <translation>Current coverage year: {0}. Rows with a yellow background and &quot;Yes&quot; under &quot;Correction&quot; change what was already reported to the township and go into the next report package.</translation>
    </message>
    <message>
        <source>共 {0} 条，其中更正 {1} 条</source>
        <translation>{0} entries, {1} of them corrections</translation>
    </message>
    <message>
        <source>导出变更记录</source>
        <translation>Export change log</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel file (*.xlsx)</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <source>已导出 {0} 条到 {1}</source>
        <translation>Exported {0} entries to {1}</translation>
    </message>
    <message>
        <source>导出什么</source>
        <translation>What to export</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>参保年度</source>
        <translation>Coverage year</translation>
    </message>
    <message>
        <source>只印还有人未缴费的户</source>
        <translation>Only households where someone has not paid</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>{year}年度（当前）</source>
        <translation>{year} (current)</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>全村（各组依次排列）</source>
        <translation>Whole village (group by group)</translation>
    </message>
    <message>
        <source>导出{title}</source>
        <translation>Export {title}</translation>
    </message>
    <message>
        <source>{title} (*{suffix})</source>
        <translation>{title} (*{suffix})</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>正在生成 {name}…</source>
        <translation>Creating {name}…</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已取消，没有留下半成品文件</source>
        <translation>Cancelled; no half-written file was left behind</translation>
    </message>
    <message>
        <source>还没有选择文件（.xlsx / .xls / .csv）</source>
        <translation>No file chosen yet (.xlsx / .xls / .csv)</translation>
    </message>
    <message>
        <source>选择文件… (Ctrl+O)</source>
        <translation>Choose file… (Ctrl+O)</translation>
    </message>
    <message>
        <source>按文件中的人员类别列（或名单标题）</source>
        <translation>From the file&apos;s category column (or the list&apos;s title)</translation>
    </message>
    <message>
        <source>名单类别</source>
        <translation>List category</translation>
    </message>
    <message>
        <source>导入什么</source>
        <translation>What to import</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>试导入（只检查，不写入）</source>
        <translation>Trial import (check only, write nothing)</translation>
    </message>
    <message>
        <source>正式导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>文件中的表头</source>
        <translation>Header in the file</translation>
    </message>
    <message>
        <source>选好文件后，这里列出认出的列</source>
        <translation>Once a file is chosen, the columns recognised are listed here</translation>
    </message>
    <message>
        <source>认出的列</source>
        <translation>Columns recognised</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>导入报告</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取表头…</source>
        <translation>Reading the header…</translation>
    </message>
    <message>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>表头在第 {row} 行，认出 {n} 列</source>
        <translation>Header on row {row}, {n} columns recognised</translation>
    </message>
    <message>
        <source>文件里没有人员类别列：名单标题或文件名说明不了类别时，请在上面选这份名单是哪一类</source>
        <translation>The file has no category column: if the list&apos;s title or the file name does not say the category, choose above which kind of list this is</translation>
    </message>
    <message>
        <source>请先选择要导入的文件</source>
        <translation>Please choose the file to import first</translation>
    </message>
    <message>
        <source>正在试导入 {name}…</source>
        <translation>Trial importing {name}…</translation>
    </message>
    <message>
        <source>正在导入 {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>读不了这个文件</source>
        <translation>Cannot read this file</translation>
    </message>
    <message>
        <source>已取消，数据没有任何改动</source>
        <translation>Cancelled; the data was not changed at all</translation>
    </message>
    <message>
        <source>  可到“特殊群体”页查看。</source>
        <translation>  See the &quot;Special groups&quot; page.</translation>
    </message>
    <message>
        <source>复制选中这户的消息(&amp;C)</source>
        <translation>&amp;Copy the selected household&apos;s message</translation>
    </message>
    <message>
        <source>全部导出到Excel…</source>
        <translation>Export all to Excel…</translation>
    </message>
    <message>
        <source>发给未缴费的户</source>
        <translation>To households that have not paid</translation>
    </message>
    <message>
        <source>发到村民微信群（不点名）</source>
        <translation>To the villagers&apos; WeChat group (no names)</translation>
    </message>
    <message>
        <source>复制群消息(&amp;G)</source>
        <translation>Copy &amp;group message</translation>
    </message>
    <message>
        <source>打印政策宣传单…</source>
        <translation>Print the policy flyer…</translation>
    </message>
    <message>
        <source>政策宣传</source>
        <translation>Policy information</translation>
    </message>
    <message>
        <source>复制政策宣传(&amp;P)</source>
        <translation>Copy &amp;policy information</translation>
    </message>
    <message>
        <source>{0}年度催缴消息：未缴费 {1} 户</source>
        <translation>Reminders for {0}: {1} households not paid</translation>
    </message>
    <message>
        <source>消息的文字来自模板，县里可以改写（resources/templates）。</source>
        <translation>The messages&apos; wording comes from templates the county can rewrite (resources/templates).</translation>
    </message>
    <message>
        <source>有 {0} 条超过{1}字，短信会分两条发出。</source>
        <translation>{0} messages are longer than {1} characters and will be sent as two texts.</translation>
    </message>
    <message>
        <source>已复制给 {0} 的消息，可以粘贴发送了</source>
        <translation>Copied the message for {0}; ready to paste and send</translation>
    </message>
    <message>
        <source>请先在表中选中一户</source>
        <translation>Please select a household in the table first</translation>
    </message>
    <message>
        <source>已复制{0}，可以粘贴发送了</source>
        <translation>Copied the {0}; ready to paste and send</translation>
    </message>
    <message>
        <source>群消息</source>
        <translation>group message</translation>
    </message>
    <message>
        <source>身份证号待核实</source>
        <translation>ID number to check</translation>
    </message>
    <message>
        <source>应退费</source>
        <translation>Refund due</translation>
    </message>
    <message>
        <source>重复缴费</source>
        <translation>Paid twice</translation>
    </message>
    <message>
        <source>待认领的缴费（花名册里找不到人）</source>
        <translation>Payments to assign (no one on the roster)</translation>
    </message>
    <message>
        <source>待确认参保状态</source>
        <translation>Coverage to confirm</translation>
    </message>
    <message>
        <source>待重新认定</source>
        <translation>To recognise again</translation>
    </message>
    <message>
        <source>应参保（人）</source>
        <translation>Eligible (people)</translation>
    </message>
    <message>
        <source>已参保（人）</source>
        <translation>Enrolled (people)</translation>
    </message>
    <message>
        <source>参保率</source>
        <translation>Enrolment rate</translation>
    </message>
    <message>
        <source>未缴（人）</source>
        <translation>Not paid (people)</translation>
    </message>
    <message>
        <source>征缴金额（元）</source>
        <translation>Collected (yuan)</translation>
    </message>
    <message>
        <source>各村民小组</source>
        <translation>Village groups</translation>
    </message>
    <message>
        <source>特殊群体参保（目标100%）</source>
        <translation>Special groups enrolled (target 100%)</translation>
    </message>
    <message>
        <source>需要处理</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}年度</source>
        <translation>{0}&#x3000;{1}</translation>
    </message>
    <message>
        <source>在册 {0} 人 / {1} 户</source>
        <translation>{0} people / {1} households on the roster</translation>
    </message>
    <message>
        <source>缴费 {0}，资助 {1}，学校 {2}</source>
        <translation>Paid {0}, subsidised {1}, at school {2}</translation>
    </message>
    <message>
        <source>综合覆盖率 {0}</source>
        <translation>Overall coverage {0}</translation>
    </message>
    <message>
        <source>&lt;a href=&apos;#&apos;&gt;查看未缴名单&lt;/a&gt;</source>
        <translation>&lt;a href=&apos;#&apos;&gt;See who has not paid&lt;/a&gt;</translation>
    </message>
    <message>
        <source>标准 {0} 元/人</source>
        <translation>Contribution {0} yuan per person</translation>
    </message>
    <message>
        <source>任务 {0} 人，已完成 {1}（{2}）</source>
        <translation>Target {0} people, achieved {1} ({2})</translation>
    </message>
    <message>
        <source>乡镇还没有下达任务数（可在“设置”中填写）</source>
        <translation>The township has not set a target yet (you can enter it in &quot;Settings&quot;)</translation>
    </message>
    <message>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <source>征缴期 {0}，&lt;b&gt;{1}&lt;/b&gt; 天后开始</source>
        <translation>Collection period {0}; starts in &lt;b&gt;{1}&lt;/b&gt; days</translation>
    </message>
    <message>
        <source>征缴期 {0}，还剩 &lt;b&gt;{1}&lt;/b&gt; 天</source>
        <translation>Collection period {0}; &lt;b&gt;{1}&lt;/b&gt; days left</translation>
    </message>
    <message>
        <source>（每月{0}日至{1}日收缴，今天不收）</source>
        <translation>(collected from day {0} to day {1} of each month; not today)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;征缴期已结束&lt;/span&gt;（{1}）</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Collection period has ended&lt;/span&gt; ({1})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}个月 {1} 人</source>
        <translation>{0} months: {1} people</translation>
    </message>
    <message>
        <source>征缴期已结束：未缴的 {0} 人现在缴费将有待遇等待期（{1}）</source>
        <translation>The collection period has ended: the {0} people not paid will have a waiting period if they pay now ({1})</translation>
    </message>
    <message>
        <source>若在征缴期后缴费：{0} 人将有待遇等待期（{1}）</source>
        <translation>If paying after the collection period: {0} people will have a waiting period ({1})</translation>
    </message>
    <message>
        <source>小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>已参保/应参保</source>
        <translation>Enrolled/eligible</translation>
    </message>
    <message>
        <source>未缴</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <source>（未分组）</source>
        <translation>(no group)</translation>
    </message>
    <message>
        <source>查看{0}的名单</source>
        <translation>See the list of {0}</translation>
    </message>
    <message>
        <source>还没有标记特殊群体（可从民政、乡村振兴等部门名单导入）</source>
        <translation>No special groups marked yet (import them from civil affairs, rural revitalisation and other departments&apos; lists)</translation>
    </message>
    <message>
        <source>笔</source>
        <translation>payments</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>{0}：{1} {2}&#x3000;查看 ›</source>
        <translation>{0}: {1} {2}&#x3000;View ›</translation>
    </message>
    <message>
        <source>没有需要处理的事项</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <source>姓名、拼音首字母（如 zs）、身份证后几位、电话或户号，回车选中</source>
        <translation>Name, pinyin initials (e.g. zs), last digits of the ID, phone or household no., then Enter</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>还应缴(元)</source>
        <translation>Still due (yuan)</translation>
    </message>
    <message>
        <source>查找缴费人</source>
        <translation>Find the payer</translation>
    </message>
    <message>
        <source>先在左边查找并选中一个人</source>
        <translation>First find and select a person on the left</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>电子税票号码，可不填</source>
        <translation>E-tax receipt number, optional</translation>
    </message>
    <message>
        <source>替别人交时填交款人，可不填</source>
        <translation>Who paid, when paying for someone else; optional</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>缴费渠道</source>
        <translation>Payment channel</translation>
    </message>
    <message>
        <source>缴费日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>代缴人</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>登记缴费 (回车)</source>
        <translation>Record payment (Enter)</translation>
    </message>
    <message>
        <source>全户缴费</source>
        <translation>Whole household</translation>
    </message>
    <message>
        <source>退费…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <source>撤销上一笔 (Ctrl+Z)</source>
        <translation>Undo last (Ctrl+Z)</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>今日登记</source>
        <translation>Recorded today</translation>
    </message>
    <message>
        <source>待认领</source>
        <translation>To assign</translation>
    </message>
    <message>
        <source>↑↓ 在结果中移动，回车选中</source>
        <translation>↑↓ move through the results, Enter to select</translation>
    </message>
    <message>
        <source>找到 {n} 人，只列出前 {k} 人，请多输入几个字</source>
        <translation>{n} people found, showing the first {k}; please type a few more characters</translation>
    </message>
    <message>
        <source>找到 {n} 人</source>
        <translation>{n} people found</translation>
    </message>
    <message>
        <source>，应缴 {p} 元，已缴 {n} 元</source>
        <translation>, due {p} yuan, paid {n} yuan</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:15pt&apos;&gt;{name}&lt;/b&gt;&#x3000;{id}&lt;br&gt;{group} {hh}&#x3000;{detail}</source>
        <translation>&lt;b style=&apos;font-size:15pt&apos;&gt;{name}&lt;/b&gt;&#x3000;{id}&lt;br&gt;{group} {hh}&#x3000;{detail}</translation>
    </message>
    <message>
        <source>本户 {n} 人：{list}</source>
        <translation>{n} people in the household: {list}</translation>
    </message>
    <message>
        <source>全户缴费（{n} 人 {fen} 元）</source>
        <translation>Whole household ({n} people, {fen} yuan)</translation>
    </message>
    <message>
        <source>认领给 {name}(&amp;R)</source>
        <translation>Assign to {name}(&amp;R)</translation>
    </message>
    <message>
        <source>今日登记 ({n})</source>
        <translation>Recorded today ({n})</translation>
    </message>
    <message>
        <source>待认领 ({n})</source>
        <translation>To assign ({n})</translation>
    </message>
    <message>
        <source>缴费日期 {day} 不在{year}年度征缴期（{start} 至 {end}）内。</source>
        <translation>The payment date {day} is outside the {year} collection period ({start} to {end}).</translation>
    </message>
    <message>
        <source>{name} {n} 个月</source>
        <translation>{name} {n} months</translation>
    </message>
    <message>
        <source>在征缴期后缴费的，参保后有待遇等待期{0}。</source>
        <translation>Paying after the collection period means a waiting period once insured{0}.</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>征缴期还没有开始，请核对日期。</source>
        <translation>The collection period has not started yet; please check the date.</translation>
    </message>
    <message>
        <source>不在征缴期内</source>
        <translation>Outside the collection period</translation>
    </message>
    <message>
        <source>仍要登记吗？</source>
        <translation>Record it anyway?</translation>
    </message>
    <message>
        <source>已登记：{name} {amount} 元（{channel}）</source>
        <translation>Recorded: {name} {amount} yuan ({channel})</translation>
    </message>
    <message>
        <source>全户缴费：已登记 {n} 人，共 {amount} 元（{channel}）</source>
        <translation>Whole household: recorded {n} people, {amount} yuan in all ({channel})</translation>
    </message>
    <message>
        <source>撤销这笔缴费</source>
        <translation>Undo this payment</translation>
    </message>
    <message>
        <source>已撤销：{name} {amount} 元（记了一笔冲销）</source>
        <translation>Undone: {name} {amount} yuan (a reversal was recorded)</translation>
    </message>
    <message>
        <source>{name} 本年度没有已缴的钱，无法退费</source>
        <translation>{name} has paid nothing this year; there is nothing to refund</translation>
    </message>
    <message>
        <source>退费</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>{name} 已缴 {net} 元，退多少元？</source>
        <translation>{name} has paid {net} yuan. How much to refund (yuan)?</translation>
    </message>
    <message>
        <source>退费原因（如 重复缴费）</source>
        <translation>Reason for the refund (e.g. paid twice)</translation>
    </message>
    <message>
        <source>确认退费</source>
        <translation>Confirm refund</translation>
    </message>
    <message>
        <source>给 {name} 退费 {amount} 元？
退费记录不能删除，记错了只能再登记一笔缴费来冲回。</source>
        <translation>Refund {amount} yuan to {name}?
A refund cannot be deleted; if it is wrong, record a payment to reverse it.</translation>
    </message>
    <message>
        <source>已退费：{name} {amount} 元</source>
        <translation>Refunded: {name} {amount} yuan</translation>
    </message>
    <message>
        <source>先在上面查找并选中要认领这笔钱的人（回车选中），再点“认领给选中的人”</source>
        <translation>First find and select above the person this money belongs to (Enter to select), then click &quot;Assign to selected person&quot;</translation>
    </message>
    <message>
        <source>已认领：这笔钱记给了 {name}</source>
        <translation>Assigned: this money now counts for {name}</translation>
    </message>
    <message>
        <source>身份证待核实</source>
        <translation>ID to check</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>Special groups</translation>
    </message>
    <message>
        <source>全部缴费状态</source>
        <translation>Any payment status</translation>
    </message>
    <message>
        <source>未缴费</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <source>未缴且有原因</source>
        <translation>Not paid, with a reason</translation>
    </message>
    <message>
        <source>已参保（含资助、学校）</source>
        <translation>Enrolled (incl. subsidised, at school)</translation>
    </message>
    <message>
        <source>已缴费</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>全额资助</source>
        <translation>Fully subsidised</translation>
    </message>
    <message>
        <source>新生儿免缴</source>
        <translation>Newborn, exempt</translation>
    </message>
    <message>
        <source>搜索：姓名、拼音首字母(zs)、身份证后几位、电话、户号</source>
        <translation>Search: name, pinyin initials (zs), last digits of the ID, phone, household no.</translation>
    </message>
    <message>
        <source>全部参保类型</source>
        <translation>Any coverage type</translation>
    </message>
    <message>
        <source>本户</source>
        <translation>This household</translation>
    </message>
    <message>
        <source>只看这些人</source>
        <translation>Only these people</translation>
    </message>
    <message>
        <source>确认选中的人参保状态属实(&amp;K)</source>
        <translation>Confirm the selected people&apos;s coverage (&amp;K)</translation>
    </message>
    <message>
        <source>全部村民小组</source>
        <translation>All village groups</translation>
    </message>
    <message>
        <source>仅看：{0}  ✕</source>
        <translation>Only: {0}  ✕</translation>
    </message>
    <message>
        <source>{0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>{0} 人的参保状态从上年带来（职工医保、异地、学校、服役），请核实：属实的选中后确认，不属实的改“参保情况”。</source>
        <translation>{0} people&apos;s coverage was carried over from last year (employee insurance, elsewhere, at school, military service); please check: select and confirm those that are right, change &quot;Coverage&quot; for those that are not.</translation>
    </message>
    <message>
        <source>请先在表中选中要确认的人</source>
        <translation>Please select the people to confirm in the table first</translation>
    </message>
    <message>
        <source>已确认 {0} 人：{1}</source>
        <translation>Confirmed {0} people: {1}</translation>
    </message>
    <message>
        <source>（未选中）</source>
        <translation>(none selected)</translation>
    </message>
    <message>
        <source>户主 {0}</source>
        <translation>Head {0}</translation>
    </message>
    <message>
        <source>电话 {0}</source>
        <translation>Phone {0}</translation>
    </message>
    <message>
        <source>请先在表中选中一个人</source>
        <translation>Please select a person in the table first</translation>
    </message>
    <message>
        <source>设为户主</source>
        <translation>Make head</translation>
    </message>
    <message>
        <source>原户主改为与新户主的关系：</source>
        <translation>The former head&apos;s relationship to the new head:</translation>
    </message>
    <message>
        <source>更换户主</source>
        <translation>Change head</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County (city, district)</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Township (subdistrict)</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>区划代码（12位）</source>
        <translation>Area code (12 digits)</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>经办人电话</source>
        <translation>Agent&apos;s phone</translation>
    </message>
    <message>
        <source>本村信息</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>保存本村信息</source>
        <translation>Save village</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>大字（看得更清楚）</source>
        <translation>Large (easier to read)</translation>
    </message>
    <message>
        <source>重新打开程序后全部生效</source>
        <translation>Takes full effect after restarting the program</translation>
    </message>
    <message>
        <source>打印花名册</source>
        <translation>Printed roll</translation>
    </message>
    <message>
        <source>遮挡（同公示）</source>
        <translation>Masked (as on the notice)</translation>
    </message>
    <message>
        <source>完整</source>
        <translation>Whole</translation>
    </message>
    <message>
        <source>A4（签字所需的列）</source>
        <translation>A4 (the columns to sign)</translation>
    </message>
    <message>
        <source>A3（全部列）</source>
        <translation>A3 (every column)</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>上报签名密钥</source>
        <translation>Signing key for reports</translation>
    </message>
    <message>
        <source>生成签名密钥</source>
        <translation>Create signing key</translation>
    </message>
    <message>
        <source>乡镇凭这个指纹确认数据包来自本村。换电脑时请电话告诉乡镇新的指纹。</source>
        <translation>The township uses this fingerprint to know a package comes from this village. On a new computer, phone the township with the new fingerprint.</translation>
    </message>
    <message>
        <source>数据存放位置</source>
        <translation>Where the data lives</translation>
    </message>
    <message>
        <source>数据文件</source>
        <translation>Data file</translation>
    </message>
    <message>
        <source>签名密钥</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>日志</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>打开数据所在文件夹</source>
        <translation>Open the data folder</translation>
    </message>
    <message>
        <source>检查数据库</source>
        <translation>Check the database</translation>
    </message>
    <message>
        <source>换个数据文件夹…</source>
        <translation>Change data folder…</translation>
    </message>
    <message>
        <source>未下达</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>乡镇下达的任务数（人）</source>
        <translation>Target set by the township (people)</translation>
    </message>
    <message>
        <source>保存政策</source>
        <translation>Save policy</translation>
    </message>
    <message>
        <source>从政策文件载入…</source>
        <translation>Load from a policy file…</translation>
    </message>
    <message>
        <source>缴费方式（印在缴费告知单、催缴消息上）</source>
        <translation>How to pay (printed on payment notices and reminders)</translation>
    </message>
    <message>
        <source>用顿号分开，第一个写进短信</source>
        <translation>Separate with 、; the first goes into text messages</translation>
    </message>
    <message>
        <source>如：缴费码、扫村委会张贴的二维码</source>
        <translation>e.g. payment code, scan the QR code posted at the village committee</translation>
    </message>
    <message>
        <source>缴费说明</source>
        <translation>Payment instructions</translation>
    </message>
    <message>
        <source>保存缴费方式</source>
        <translation>Save how to pay</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>{0}年度政策</source>
        <translation>{0} policy</translation>
    </message>
    <message>
        <source>指纹：&lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Fingerprint: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>还没有签名密钥（第一次导出上报数据包时也会自动生成）</source>
        <translation>No signing key yet (one is also created with the first report package)</translation>
    </message>
    <message>
        <source>已保存。各人应缴金额已按新政策重新计算。</source>
        <translation>Saved. Everyone&apos;s amount due was recalculated under the new policy.</translation>
    </message>
    <message>
        <source>选择政策文件</source>
        <translation>Choose a policy file</translation>
    </message>
    <message>
        <source>政策文件 (*.json)</source>
        <translation>Policy file (*.json)</translation>
    </message>
    <message>
        <source>年度不符</source>
        <translation>Wrong year</translation>
    </message>
    <message>
        <source>这个文件是 {0} 年度的政策，当前是 {1} 年度。</source>
        <translation>This file is the policy for {0}; the current year is {1}.</translation>
    </message>
    <message>
        <source>已载入，请核对后点“保存政策”</source>
        <translation>Loaded; please check it, then click &quot;Save policy&quot;</translation>
    </message>
    <message>
        <source>语言 Language</source>
        <translation>Language 语言</translation>
    </message>
    <message>
        <source>对话框立即换用，各页面重新打开程序后全部换用</source>
        <translation>Dialogs switch at once; every page after restarting the program</translation>
    </message>
    <message>
        <source>数据库完好</source>
        <translation>The database is intact</translation>
    </message>
    <message>
        <source>选择新的数据文件夹</source>
        <translation>Choose the new data folder</translation>
    </message>
    <message>
        <source>不能换文件夹</source>
        <translation>Cannot change the folder</translation>
    </message>
    <message>
        <source>本次打开的是用 --db 或环境变量指定的数据文件，请在启动时改用新的路径。</source>
        <translation>This session opened a data file given with --db or an environment variable; start the app with the new path instead.</translation>
    </message>
    <message>
        <source>数据已移动</source>
        <translation>Data moved</translation>
    </message>
    <message>
        <source>数据已复制到 {new} 并核对无误，以后都从这里打开。
软件现在关闭，请重新打开。原来的文件 {old} 仍保留着，确认无误后可以删除。</source>
        <translation>The data was copied to {new} and checked; it will be opened from there from now on.
The app will now close; please open it again. The old file {old} is kept; delete it once you are sure.</translation>
    </message>
    <message>
        <source>认定部门</source>
        <translation>Recognised by</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>已参保</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>导入部门名单…</source>
        <translation>Import a department&apos;s list…</translation>
    </message>
    <message>
        <source>各类特殊群体（本年度）</source>
        <translation>Special groups (this year)</translation>
    </message>
    <message>
        <source>参保状态</source>
        <translation>Coverage status</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>取消此人的标记</source>
        <translation>Remove this person&apos;s mark</translation>
    </message>
    <message>
        <source>为此人标记本年度类别…</source>
        <translation>Mark this person&apos;s group for this year…</translation>
    </message>
    <message>
        <source>查找要标记的人：姓名、拼音首字母、身份证后几位，回车选中</source>
        <translation>Find the person to mark: name, pinyin initials, last digits of the ID, then Enter</translation>
    </message>
    <message>
        <source>已有类别</source>
        <translation>Groups already</translation>
    </message>
    <message>
        <source>未选人</source>
        <translation>No one selected</translation>
    </message>
    <message>
        <source>依据，如：民政所2023年10月名单</source>
        <translation>Basis, e.g. civil affairs office list of Oct 2023</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>手工标记一个人</source>
        <translation>Mark one person by hand</translation>
    </message>
    <message>
        <source>各部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>{label}：{n} 人，其中未参保 {u} 人</source>
        <translation>{label}: {n} people, {u} of them not enrolled</translation>
    </message>
    <message>
        <source>上年：{0}</source>
        <translation>Last year: {0}</translation>
    </message>
    <message>
        <source>待重新认定：{n} 人。上年是特殊群体，今年还没有认定——特殊群体身份不自动延续，须有本年度部门名单导入或手工标记，资助才按今年算。</source>
        <translation>To recognise again: {n} people. They were in a special group last year but have not been recognised this year. The status does not carry over: the subsidy counts this year only after this year&apos;s department list is imported or they are marked by hand.</translation>
    </message>
    <message>
        <source>标记 {name}（{group} {tail}）为</source>
        <translation>Mark {name} ({group} {tail}) as</translation>
    </message>
    <message>
        <source>取消标记</source>
        <translation>Remove mark</translation>
    </message>
    <message>
        <source>取消 {name} 的“{label}”标记？
取消后此人的个人应缴金额可能随之改变。</source>
        <translation>Remove {name}&apos;s &quot;{label}&quot; mark?
This person&apos;s amount due may change.</translation>
    </message>
    <message>
        <source>已取消 {name} 的“{label}”标记</source>
        <translation>Removed {name}&apos;s &quot;{label}&quot; mark</translation>
    </message>
    <message>
        <source>标记此人</source>
        <translation>Mark this person</translation>
    </message>
    <message>
        <source>{name} 已经是“{label}”，没有改动</source>
        <translation>{name} is already &quot;{label}&quot;; nothing changed</translation>
    </message>
    <message>
        <source>已标记 {name} 为“{label}”（应缴金额随之按政策变化）</source>
        <translation>Marked {name} as &quot;{label}&quot; (the amount due follows the policy)</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>花名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>缴费登记</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>Special groups</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导出与打印</source>
        <translation>Export and print</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>变更记录</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>催缴消息</source>
        <translation>Reminders</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>修改人员信息</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>添加人员</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>所在户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>身份证号一时无法核对，先按“待核实”登记</source>
        <translation>The ID number cannot be checked right now; record it as &quot;to check&quot;</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relationship to head</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>特殊群体（{0}年度）</source>
        <translation>Special groups ({0})</translation>
    </message>
    <message>
        <source>人员信息</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>变更记录 ({0})</source>
        <translation>Change log ({0})</translation>
    </message>
    <message>
        <source>变更记录 ({0}，含更正 {1})</source>
        <translation>Change log ({0}, {1} corrections)</translation>
    </message>
    <message>
        <source>请先选择此人所在的户</source>
        <translation>Please choose this person&apos;s household first</translation>
    </message>
    <message>
        <source>修改此人信息</source>
        <translation>Edit this person</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>缴费标准和征缴期</source>
        <translation>Contribution and collection period</translation>
    </message>
    <message>
        <source>各类人员资助</source>
        <translation>Subsidies by group</translation>
    </message>
    <message>
        <source>长效机制（待遇等待期）</source>
        <translation>Long-term rules (waiting period)</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>每月只在</source>
        <translation>Collect only from day</translation>
    </message>
    <message>
        <source>日至</source>
        <translation>to day</translation>
    </message>
    <message>
        <source>日收缴</source>
        <translation>each month</translation>
    </message>
    <message>
        <source>此日及以后出生的免缴</source>
        <translation>Born on or after this date: exempt</translation>
    </message>
    <message>
        <source>参保年度</source>
        <translation>Coverage year</translation>
    </message>
    <message>
        <source>政策名称</source>
        <translation>Policy name</translation>
    </message>
    <message>
        <source>个人缴费标准（元）</source>
        <translation>Personal contribution (yuan)</translation>
    </message>
    <message>
        <source>财政补助（元）</source>
        <translation>Government subsidy (yuan)</translation>
    </message>
    <message>
        <source>征缴期</source>
        <translation>Collection period</translation>
    </message>
    <message>
        <source>每月收缴日</source>
        <translation>Monthly collection days</translation>
    </message>
    <message>
        <source>新生儿免缴</source>
        <translation>Newborn, exempt</translation>
    </message>
    <message>
        <source>{0}年度</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <source>依据：{0}</source>
        <translation>Basis: {0}</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>还有 {0} 处要修改，已用红字标在各项下面。</source>
        <translation>{0} items still need changing; they are marked in red below each one.</translation>
    </message>
    <message>
        <source>个人缴 {0} 元</source>
        <translation>Personal share {0} yuan</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>参保年度和政策</source>
        <translation>Coverage year and policy</translation>
    </message>
    <message>
        <source>从相近的县开始，再对照县里的征缴通知改成本县今年的数字（改年度时征缴期跟着变）。</source>
        <translation>Start from a nearby county, then change the figures to your county&apos;s for this year from its collection notice (the collection period follows the year).</translation>
    </message>
    <message>
        <source>从政策文件载入…</source>
        <translation>Load from a policy file…</translation>
    </message>
    <message>
        <source>暂不填</source>
        <translation>Leave blank for now</translation>
    </message>
    <message>
        <source>从这里开始</source>
        <translation>Start from</translation>
    </message>
    <message>
        <source>任务数（人）</source>
        <translation>Target (people)</translation>
    </message>
    <message>
        <source>选择政策文件</source>
        <translation>Choose a policy file</translation>
    </message>
    <message>
        <source>政策文件 (*.json)</source>
        <translation>Policy file (*.json)</translation>
    </message>
    <message>
        <source>政策文件有误</source>
        <translation>The policy file has errors</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>更正原因</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source> {0} 的上报包</source>
        <translation>the report package of {0}</translation>
    </message>
    <message>
        <source>上报包</source>
        <translation>Report package</translation>
    </message>
    <message>
        <source>{what}会更正{package}中已报给乡镇的{year}年度内容，请写明原因。</source>
        <translation>{what} will correct {year} data already reported to the township in {package}; please give the reason.</translation>
    </message>
    <message>
        <source>此项修改</source>
        <translation>This change</translation>
    </message>
    <message>
        <source>必填，如：身份证号录入错误</source>
        <translation>Required, e.g. ID number typed wrongly</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>原因会记入变更记录，并随下次上报包报给乡镇。</source>
        <translation>The reason goes into the change log and is reported to the township with the next package.</translation>
    </message>
    <message>
        <source>常用</source>
        <translation>Common reasons</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>请写明更正原因</source>
        <translation>Please give the reason for the correction</translation>
    </message>
</context>
<context>
    <name>ResultBar</name>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>已生成：{path}</source>
        <translation>Created: {path}</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>参保状态</source>
        <translation>Coverage status</translation>
    </message>
    <message>
        <source>应缴</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>已缴</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>性别年龄</source>
        <translation>Sex/age</translation>
    </message>
    <message>
        <source>待核实：</source>
        <translation>To check: </translation>
    </message>
    <message>
        <source>应退费 {0} 元</source>
        <translation>Refund due {0} yuan</translation>
    </message>
    <message>
        <source>上年带入，待确认</source>
        <translation>Carried over, to confirm</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>村医保征缴助手 — 首次设置</source>
        <translation>Village Medical Insurance Assistant — First-time setup</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
</context>
<context>
    <name>TownshipWindow</name>
    <message>
        <source>村医保征缴助手 — 乡镇汇总</source>
        <translation>Village Medical Insurance Assistant — Township summary</translation>
    </message>
    <message>
        <source>接收上报包…</source>
        <translation>Receive report packages…</translation>
    </message>
    <message>
        <source>载入任务分配表…</source>
        <translation>Load target allocation…</translation>
    </message>
    <message>
        <source>导出汇总表…</source>
        <translation>Export summary…</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>切换到村级模式(&amp;V)</source>
        <translation>Switch to &amp;village mode</translation>
    </message>
    <message>
        <source> 参保年度 </source>
        <translation> Coverage year </translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>多处已参保</source>
        <translation>Enrolled in several places</translation>
    </message>
    <message>
        <source>登记在</source>
        <translation>Registered in</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>未缴原因</source>
        <translation>Reasons for not paying</translation>
    </message>
    <message>
        <source>进度排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>重复参保</source>
        <translation>Enrolled twice</translation>
    </message>
    <message>
        <source>特殊群体未参保</source>
        <translation>Special groups not enrolled</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>双击一个村，查看它的各组、特殊群体、未缴原因和未缴名单；双击“更正”列，查看它的更正</source>
        <translation>Double-click a village to see its groups, special groups, reasons for not paying and who has not paid; double-click the &quot;Correction&quot; column to see its corrections</translation>
    </message>
    <message>
        <source>把村里的上报包（.zip）拖到这个窗口，或按 Ctrl+O 选择；被改动过的包、比已收到的更旧的包会被拒收并写明原因</source>
        <translation>Drag the villages&apos; report packages (.zip) onto this window, or press Ctrl+O to choose them; altered packages and packages older than one already received are refused, with the reason</translation>
    </message>
    <message>
        <source>正在汇总…</source>
        <translation>Summing up…</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>还没有收到任何村的上报包。</source>
        <translation>No village has reported a package yet.</translation>
    </message>
    <message>
        <source>重复参保 ({n})</source>
        <translation>Enrolled twice ({n})</translation>
    </message>
    <message>
        <source>特殊群体未参保 ({n})</source>
        <translation>Special groups not enrolled ({n})</translation>
    </message>
    <message>
        <source>更正 ({n})</source>
        <translation>Corrections ({n})</translation>
    </message>
    <message>
        <source>注意：{w}</source>
        <translation>Note: {w}</translation>
    </message>
    <message>
        <source>正在读取该村的未缴名单…</source>
        <translation>Reading the village&apos;s list of people not paid…</translation>
    </message>
    <message>
        <source>正在接收 {n} 个上报包…</source>
        <translation>Receiving {n} report packages…</translation>
    </message>
    <message>
        <source>正在验签、接收上报包…</source>
        <translation>Checking signatures and receiving report packages…</translation>
    </message>
    <message>
        <source>已接收 {village} {year}年度 第{seq}号包：{persons} 人，应参保 {eligible}，已参保 {enrolled}</source>
        <translation>Received {village} {year} package No. {seq}: {persons} people, eligible {eligible}, enrolled {enrolled}</translation>
    </message>
    <message>
        <source>，更正 {n} 条</source>
        <translation>, {n} corrections</translation>
    </message>
    <message>
        <source>（替换第{n}号包）</source>
        <translation> (replaces package No. {n})</translation>
    </message>
    <message>
        <source>  已登记该村密钥指纹 {fp}（请与经办人核对汇总表上打印的指纹）</source>
        <translation>  Registered the village&apos;s key fingerprint {fp} (check it with the agent against the fingerprint printed on the summary sheet)</translation>
    </message>
    <message>
        <source>拒收 {name}：{reason}</source>
        <translation>Refused {name}: {reason}</translation>
    </message>
    <message>
        <source>新收 {a} 个，更新 {r} 个，已收过或较旧 {k} 个，拒收 {n} 个</source>
        <translation>{a} new, {r} updated, {k} already received or older, {n} refused</translation>
    </message>
    <message>
        <source>有上报包被拒收</source>
        <translation>Some report packages were refused</translation>
    </message>
    <message>
        <source>已核对指纹，信任 {village} 的新密钥 {fp}</source>
        <translation>Fingerprint checked; trusting {village}&apos;s new key {fp}</translation>
    </message>
    <message>
        <source>未信任 {village} 的新密钥，{file} 保持拒收</source>
        <translation>Did not trust {village}&apos;s new key; {file} stays refused</translation>
    </message>
    <message>
        <source>选择村里的上报包</source>
        <translation>Choose the villages&apos; report packages</translation>
    </message>
    <message>
        <source>上报包 (*.zip)</source>
        <translation>Report package (*.zip)</translation>
    </message>
    <message>
        <source>选择任务分配表</source>
        <translation>Choose the target allocation sheet</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx *.xls)</source>
        <translation>Excel file (*.xlsx *.xls)</translation>
    </message>
    <message>
        <source>正在载入任务分配表…</source>
        <translation>Loading the target allocation sheet…</translation>
    </message>
    <message>
        <source>已载入 {n} 个村的任务数（工作表“{sheet}”，村名取“{name}”列，任务数取“{task}”列），合计 {total} 人</source>
        <translation>Loaded targets for {n} villages (sheet &quot;{sheet}&quot;, village names from column &quot;{name}&quot;, targets from column &quot;{task}&quot;), {total} people in all</translation>
    </message>
    <message>
        <source>任务表的合计对不上</source>
        <translation>The allocation sheet&apos;s total does not add up</translation>
    </message>
    <message>
        <source>村名</source>
        <translation>Village name</translation>
    </message>
    <message>
        <source>任务数</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>选择{which}所在的列</source>
        <translation>Choose the column of {which}</translation>
    </message>
    <message>
        <source>{file} 里看不准哪一列是{which}，请选择：</source>
        <translation>Cannot tell which column of {file} is {which}; please choose:</translation>
    </message>
    <message>
        <source>还没有收到任何村的上报包，没有可导出的内容</source>
        <translation>No village has reported a package yet; there is nothing to export</translation>
    </message>
    <message>
        <source>{year}年度乡镇参保汇总.xlsx</source>
        <translation>Township coverage summary {year}.xlsx</translation>
    </message>
    <message>
        <source>导出汇总表</source>
        <translation>Export summary</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel file (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出汇总表…</source>
        <translation>Exporting the summary…</translation>
    </message>
    <message>
        <source>已导出 {path}</source>
        <translation>Exported {path}</translation>
    </message>
</context>
<context>
    <name>UnpaidReasonDialog</name>
    <message>
        <source>未缴原因：{0}</source>
        <translation>Reason for not paying: {0}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>可不填；选“其他”时请写明</source>
        <translation>Optional; when choosing &quot;Other&quot;, please explain</translation>
    </message>
    <message>
        <source>未缴原因</source>
        <translation>Reasons for not paying</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>提示：请核实此人是否属于低保、特困、监测户等资助对象。</source>
        <translation>Tip: check whether this person qualifies for a subsidy (subsistence allowance, extreme poverty, monitored household…).</translation>
    </message>
</context>
<context>
    <name>VillageDetailDialog</name>
    <message>
        <source>{name} — {year}年度</source>
        <translation>{name} — {year}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;（{code}）{year}年度&#x3000;第 {rank} 名&lt;br&gt;经办人 {agent}&#x3000;电话 {phone}&#x3000;第{seq}号包 {at}&lt;br&gt;任务 {task}&#x3000;应参保 {eligible}&#x3000;已参保 {enrolled}&#x3000;完成率 &lt;b&gt;{completion}&lt;/b&gt;&#x3000;差额 &lt;b&gt;{shortfall}&lt;/b&gt;&#x3000;未缴 {unpaid}&#x3000;征缴 {collected} 元&#x3000;应退费 {refund} 人</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; ({code}) {year}&#x3000;Rank {rank}&lt;br&gt;Agent {agent}&#x3000;Phone {phone}&#x3000;Package No. {seq} {at}&lt;br&gt;Target {task}&#x3000;Eligible {eligible}&#x3000;Enrolled {enrolled}&#x3000;Achieved &lt;b&gt;{completion}&lt;/b&gt;&#x3000;Shortfall &lt;b&gt;{shortfall}&lt;/b&gt;&#x3000;Not paid {unpaid}&#x3000;Collected {collected} yuan&#x3000;Refunds due {refund} people</translation>
    </message>
    <message>
        <source>未缴原因</source>
        <translation>Reasons for not paying</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>各组</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>Special groups</translation>
    </message>
    <message>
        <source>未缴名单 ({n})</source>
        <translation>Not paid ({n})</translation>
    </message>
    <message>
        <source>查看更正 ({n})</source>
        <translation>See corrections ({n})</translation>
    </message>
</context>
<context>
    <name>VillagePage</name>
    <message>
        <source>本村信息</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>这些信息会印在花名册和汇总表上。</source>
        <translation>This is printed on the roster and the summary sheet.</translation>
    </message>
    <message>
        <source>如：获嘉县</source>
        <translation>e.g. Huojia County</translation>
    </message>
    <message>
        <source>如：照镜镇</source>
        <translation>e.g. Zhaojing Town</translation>
    </message>
    <message>
        <source>如：大王庄村</source>
        <translation>e.g. Dawangzhuang Village</translation>
    </message>
    <message>
        <source>12位行政区划代码，不知道可以不填</source>
        <translation>12-digit administrative area code; leave blank if unknown</translation>
    </message>
    <message>
        <source>县（市、区）*</source>
        <translation>County (city, district)*</translation>
    </message>
    <message>
        <source>乡镇（街道）*</source>
        <translation>Township (subdistrict)*</translation>
    </message>
    <message>
        <source>村（社区）*</source>
        <translation>Village (community)*</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>Area code</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>全村花名册（Excel）：每人一行，交乡镇或存档；第二张表“数据”供系统导入。</source>
        <translation>Village roster (Excel): one row per person, for the township or the files; the second sheet &quot;数据&quot; is for importing into systems.</translation>
    </message>
    <message>
        <source>入户催缴清单（PDF）：未缴费的人按组、按户列出，带勾选框和备注栏，上门催缴时打印带上。可只打印一个组。</source>
        <translation>Door-to-door reminder list (PDF): people not paid, by group and household, with tick boxes and a notes column; print it for home visits. Can print one group only.</translation>
    </message>
    <message>
        <source>参保缴费情况公示（PDF）：已参保的人，身份证号打码，不含金额、人员类别和电话，张贴在村务公开栏。可只打印一个组。</source>
        <translation>Coverage notice (PDF): the people enrolled, ID numbers masked, no amounts, categories or phones; for the village notice board. Can print one group only.</translation>
    </message>
    <message>
        <source>缴费告知单（PDF）：每户一张，一页印三张，沿虚线剪开发到各户：每人应缴多少、本户合计、怎么缴、截止日期，以及逾期缴费要等几个月才能报销。可只打印一个组或只印未缴的户。</source>
        <translation>Payment notice (PDF): one per household, three to a page, cut along the dashed lines: what each person owes, the household&apos;s total, how and by when to pay, and how many months late payers wait before claims. Can print one group or only unpaid households.</translation>
    </message>
    <message>
        <source>催缴消息（Excel）：每个未缴费的户一条短信或微信消息，旁边是电话；另有发到村民群的进度消息（不点名）和政策宣传。也可以在“催缴消息”页一条条复制。</source>
        <translation>Reminder messages (Excel): one text or WeChat message per unpaid household, with its phone; plus a progress message for the villagers&apos; group (no names) and the policy information. You can also copy them one by one on the &quot;Reminders&quot; page.</translation>
    </message>
    <message>
        <source>政策宣传单（PDF，一页）：缴费标准、各类资助、缴费时间和方式、待遇等待期和连续参保奖励，张贴或发给村民。</source>
        <translation>Policy flyer (PDF, one page): contribution, subsidies, when and how to pay, the waiting period and the reward for continuous cover; post it or hand it out.</translation>
    </message>
    <message>
        <source>汇总表（PDF）：各项数字、按组和按特殊群体的情况，经办人和村委会主任签字、盖章处，印有花名册文件的校验码。</source>
        <translation>Summary sheet (PDF): the figures, by group and by special group, with places for the agent&apos;s and the village head&apos;s signatures and the seal, and the roster file&apos;s checksum.</translation>
    </message>
    <message>
        <source>上报包（.zip）：花名册、汇总表和全部数据，用本机密钥签名，交乡镇汇总（U盘或微信发送都可以）。每次导出编号加一。</source>
        <translation>Report package (.zip): the roster, the summary and all data, signed with this computer&apos;s key, for the township (by USB drive or WeChat). Each export gets the next number.</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>花名册（上年度参保人员名册）</source>
        <translation>Roster (last year&apos;s insured people)</translation>
    </message>
    <message>
        <source>特殊群体名单（民政、乡村振兴、残联等）</source>
        <translation>Special-group lists (civil affairs, rural revitalisation, disabled persons&apos; federation…)</translation>
    </message>
    <message>
        <source>征缴明细（税务导出）</source>
        <translation>Payment details (exported from the tax system)</translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation>New people</translation>
    </message>
    <message>
        <source>新增户</source>
        <translation>New households</translation>
    </message>
    <message>
        <source>已在册</source>
        <translation>Already on the roster</translation>
    </message>
    <message>
        <source>表内重复</source>
        <translation>Duplicates in the file</translation>
    </message>
    <message>
        <source>身份证号待核实</source>
        <translation>ID number to check</translation>
    </message>
    <message>
        <source>15位升18位</source>
        <translation>15-digit IDs upgraded to 18</translation>
    </message>
    <message>
        <source>标记人员类别</source>
        <translation>Categories marked</translation>
    </message>
    <message>
        <source>有参保年限记录</source>
        <translation>With years-insured records</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>标记人数</source>
        <translation>People marked</translation>
    </message>
    <message>
        <source>新增标记</source>
        <translation>New marks</translation>
    </message>
    <message>
        <source>姓名不一致</source>
        <translation>Name differs</translation>
    </message>
    <message>
        <source>不在本村花名册</source>
        <translation>Not on the village roster</translation>
    </message>
    <message>
        <source>不符合条件</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>已登记过（票号重复）</source>
        <translation>Already recorded (receipt no. repeated)</translation>
    </message>
    <message>
        <source>对不上人（进待认领）</source>
        <translation>No matching person (to assign)</translation>
    </message>
    <message>
        <source>其他年度</source>
        <translation>Other years</translation>
    </message>
    <message>
        <source>其他险种</source>
        <translation>Other insurance</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>Unreadable</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>操作没有完成：程序内部出错，详情已记入日志文件。数据没有改动。</source>
        <translation>The action did not complete: an internal error, details are in the log file. The data was not changed.</translation>
    </message>
</context>
</TS>
