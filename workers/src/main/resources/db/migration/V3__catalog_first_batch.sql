-- First batch of public data resources, 景德镇市 (seed 002, annex 1; CAT-16).
-- Every resource is open only on condition (授权运营), none is prohibited: the annex lists what may be authorized.
insert into provider_unit (code, name, group_id) values
('fgw',   '市发改委',     'provider-fgw'),
('zjj',   '市住建局',     'provider-zjj'),
('tjj',   '市统计局',     'provider-tjj'),
('jtj',   '市交通局',     'provider-jtj'),
('wlj',   '市文旅局',     'provider-wlj'),
('wjw',   '市卫健委',     'provider-wjw'),
('cgj',   '市城管局',     'provider-cgj'),
('zwj',   '市政务局',     'provider-zwj'),
('sthjj', '市生态环境局', 'provider-sthjj'),
('gxj',   '市工信局',     'provider-gxj');

insert into catalog_resource (code, provider_code, name, open_condition) values
('fgw-personal-credit',        'fgw',   '个人信用信息',         'CONDITIONAL'),
('fgw-enterprise-credit',      'fgw',   '企业信用信息',         'CONDITIONAL'),
('fgw-major-projects',         'fgw',   '重大建设项目基础信息', 'CONDITIONAL'),
('zjj-construction-projects',  'zjj',   '工程建设项目基础信息', 'CONDITIONAL'),
('tjj-key-industry-stats',     'tjj',   '重点产业统计指标数据', 'CONDITIONAL'),
('jtj-vehicles',               'jtj',   '出租车、网约车、货运车信息', 'CONDITIONAL'),
('wlj-cultural-venues',        'wlj',   '公共文化场馆信息',     'CONDITIONAL'),
('wjw-medical-institutions',   'wjw',   '医疗机构经营信息',     'CONDITIONAL'),
('cgj-enforcement-cases',      'cgj',   '城管案件信息',         'CONDITIONAL'),
('cgj-public-facilities',      'cgj',   '城市公共设施信息',     'CONDITIONAL'),
('zwj-service-cases',          'zwj',   '政务服务办件信息',     'CONDITIONAL'),
('zwj-12345-complaints',       'zwj',   '12345投诉信息',        'CONDITIONAL'),
('sthjj-environment-monthly',  'sthjj', '环境质量月报',         'CONDITIONAL'),
('gxj-industries',             'gxj',   '陶瓷、航空、精细化工和医药产业', 'CONDITIONAL');
