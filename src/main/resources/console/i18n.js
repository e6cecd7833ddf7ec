// The console's words in Chinese (first, for a park in China) and English; the choice is kept in the browser.
const WORDS = {
  zh: {
    title: 'parkhub 园区数据交换中心', login: '登录', logout: '退出', user: '用户名', password: '密码',
    loginFailed: '用户名或密码错误', locked: '错误次数过多，请稍后再试',
    overview: '总览', routes: '路由', participants: '参与方', files: '文件', messages: '消息',
    deadLetters: '死信', alerts: '告警', audit: '审计',
    perMinute: '每分钟消息（近一小时）', in: '收', out: '发', accepted: '接收', rejected: '拒绝',
    rejectionRate: '拒绝率', backlog: '积压', noAlerts: '没有告警', kind: '类型', subject: '对象', detail: '说明',
    since: '开始于', state: '状态', exchanges: '交换数', failures: '失败', meanMs: '平均毫秒', maxMs: '最长毫秒',
    stop: '停止', start: '启动', id: '编号', name: '名称', roles: '角色', lastActivity: '最近活动',
    filesReceived: '收到文件', lastDayRate: '近24小时拒绝率', actions: '操作', edit: '编辑',
    rotateKey: '更换API密钥', rotateFtp: '更换FTP密码', onboard: '新参与方', codes: '海关编码（类型=编码，每行一个）',
    profiles: 'CSV 模板（文件夹=模板，每行一个）', delivery: '投递', channel: '渠道', format: '格式', url: '地址',
    secret: '签名密钥', save: '保存', cancel: '取消', shownOnce: '仅显示一次，请立即转交：',
    file: '文件', participant: '参与方', folder: '文件夹', status: '状态', received: '收到', progress: '进度',
    receipt: '回执', download: '下载', search: '查询', key: '关联号（订单/运单/支付/清单/SKU/批次）', type: '类型',
    sender: '发送方', from: '起', to: '止', deliveries: '投递', history: '历史', recipient: '接收方',
    attempts: '尝试', lastError: '最近错误', replay: '重投', discard: '丢弃', confirmDiscard: '确定放弃这封死信？',
    action: '动作', target: '目标', at: '时间', actor: '操作人', none: '无', language: 'English',
    total: '合计', byType: '按类型', saved: '已保存', error: '错误',
    confirmKey: '生成新的 API 密钥（旧密钥在宽限期内仍可用）：', confirmFtp: '生成新的 FTP 密码（旧密码立即失效）：',
    documents: '单据', identity: '单据标识（部分即可，例如订单号）', revision: '版本', updated: '更新于',
    active: '有效', cancelled: '已撤销', actionNew: '新增', actionModify: '修改', actionCancel: '撤销',
    field: '字段', before: '修改前', after: '修改后',
    noChanges: '首个版本', noDocuments: '没有找到单据', anyType: '全部类型',
    declarations: '清单', needsAttention: '需要处理（超时、退单、失败）', latest: '最近变化', anyState: '全部状态',
    copNo: '企业内部编号', orderNo: '订单号', invtNo: '清单编号', customsTime: '海关时间', reason: '原因',
    received: '收到于', messageCode: '报文', returnStatus: '回执状态码', tradeMode: '贸易方式', document: '单证', order: '订单', payment: '支付单',
    waybill: '运单',
    SUBMITTED: '已提交', DECLARED: '申报成功', FAILED: '处理失败', ACCEPTED: '海关入库', REVIEW: '人工审核',
    CONCLUDED: '海关审结', INSPECTION: '查验', DETAINED: '扣留', RETURNED: '退运', RELEASED: '放行', CLOSED: '结关',
    REJECTED: '退单', CANCELLED: '已撤销', REFUNDED: '已退货',
    customs: '海关预检', cases: '案件', compliance: '合规（近14天，按平台、按规则首次发现的案件数）', ebpCode: '电商平台代码',
    rules: '规则', PENDING: '缺单', MATCHED: '三单相符', MISMATCH: '三单不符', missing: '缺少', noFindings: '未发现问题',
    rule: '规则', severity: '级别', message: '说明', value: '值', otherField: '对比字段', otherValue: '对比值',
    ERROR: '错误', WARNING: '提示', tax: '税款', declared: '订单申报', computed: '海关计算', quota: '年度额度',
    used: '已用', remaining: '剩余', what: '事件', by: '来自', platform: '平台', day: '日期',
    declaration: '清单', 'precheck-result': '预检结果'
  },
  en: {
    title: 'parkhub park data exchange', login: 'Log in', logout: 'Log out', user: 'User', password: 'Password',
    loginFailed: 'Wrong user or password', locked: 'Too many wrong passwords: try again later',
    overview: 'Overview', routes: 'Routes', participants: 'Participants', files: 'Files', messages: 'Messages',
    deadLetters: 'Dead letters', alerts: 'Alerts', audit: 'Audit',
    perMinute: 'Messages per minute (last hour)', in: 'in', out: 'out', accepted: 'Accepted', rejected: 'Rejected',
    rejectionRate: 'Rejection rate', backlog: 'Backlog', noAlerts: 'No alerts', kind: 'Kind', subject: 'Subject',
    detail: 'Detail', since: 'Since', state: 'State', exchanges: 'Exchanges', failures: 'Failures', meanMs: 'Mean ms',
    maxMs: 'Max ms', stop: 'Stop', start: 'Start', id: 'Id', name: 'Name', roles: 'Roles', lastActivity: 'Last activity',
    filesReceived: 'Files', lastDayRate: 'Rejected (24 h)', actions: 'Actions', edit: 'Edit',
    rotateKey: 'New API key', rotateFtp: 'New FTP password', onboard: 'New participant',
    codes: 'Customs codes (type=code, one a line)', profiles: 'CSV profiles (folder=profile, one a line)',
    delivery: 'Delivery', channel: 'Channel', format: 'Format', url: 'URL', secret: 'Signing secret', save: 'Save',
    cancel: 'Cancel', shownOnce: 'Shown only once, pass it on now: ', file: 'File', participant: 'Participant',
    folder: 'Folder', status: 'Status', received: 'Received', progress: 'Progress', receipt: 'Receipt',
    download: 'Download', search: 'Search', key: 'Key (order, logistics, payment, inventory no., SKU, batch)',
    type: 'Type', sender: 'Sender', from: 'From', to: 'To', deliveries: 'Deliveries', history: 'History',
    recipient: 'Recipient', attempts: 'Attempts', lastError: 'Last error', replay: 'Replay', discard: 'Discard',
    confirmDiscard: 'Give this dead letter up for good?', action: 'Action', target: 'Target', at: 'At', actor: 'By',
    none: 'none', language: '中文', total: 'Total', byType: 'By type', saved: 'Saved', error: 'Error',
    confirmKey: 'New API key (the old one works until its grace period ends) for', confirmFtp: 'New FTP password (the old one stops at once) for',
    documents: 'Documents', identity: 'Identity (any part, e.g. an order number)', revision: 'Revision',
    updated: 'Updated', active: 'active', cancelled: 'cancelled', actionNew: 'new', actionModify: 'modified',
    actionCancel: 'cancelled', field: 'Field',
    before: 'Before', after: 'After', noChanges: 'first revision', noDocuments: 'No documents found', anyType: 'any type',
    declarations: 'Declarations', needsAttention: 'Needs attention (overstayed, rejected, failed)', latest: 'Latest',
    anyState: 'any state', copNo: 'copNo', orderNo: 'Order no.', invtNo: 'Inventory no.', customsTime: 'Customs time',
    reason: 'Reason', received: 'Received', messageCode: 'Message', returnStatus: 'Return status', tradeMode: 'Trade mode', document: 'Document',
    order: 'Order', payment: 'Payment', waybill: 'Waybill',
    SUBMITTED: 'submitted', DECLARED: 'declared', FAILED: 'failed', ACCEPTED: 'accepted', REVIEW: 'manual review',
    CONCLUDED: 'concluded', INSPECTION: 'inspection', DETAINED: 'detained', RETURNED: 'returned', RELEASED: 'released',
    CLOSED: 'closed', REJECTED: 'rejected', CANCELLED: 'cancelled', REFUNDED: 'returned goods',
    customs: 'Customs', cases: 'Cases', compliance: 'Compliance (14 days: cases each rule was first found on, per platform)',
    ebpCode: 'Platform code', rules: 'Rules', PENDING: 'pending', MATCHED: 'matched', MISMATCH: 'mismatch',
    missing: 'Missing', noFindings: 'Nothing found', rule: 'Rule', severity: 'Severity', message: 'Message',
    value: 'Value', otherField: 'Against', otherValue: 'Its value', ERROR: 'error', WARNING: 'warning', tax: 'Tax',
    declared: 'order says', computed: 'customs computes', quota: 'Annual quota', used: 'used', remaining: 'remaining',
    what: 'What', by: 'By', platform: 'Platform', day: 'Day', declaration: 'Declaration',
    'precheck-result': 'pre-check result'
  }
};

export function language() {
  return localStorage.getItem('parkhub.lang') === 'en' ? 'en' : 'zh';
}

export function switchLanguage() {
  localStorage.setItem('parkhub.lang', language() === 'zh' ? 'en' : 'zh');
}

export function t(word) {
  return WORDS[language()][word] ?? word;
}

/** Fills every element marked data-i18n with its word. */
export function translate(root) {
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}
