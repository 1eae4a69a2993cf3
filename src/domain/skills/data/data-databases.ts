import { seeds } from '../seed.ts';

/** Databases and data stores. */
export const DATA_DATABASES = seeds('data', [
  ['mysql', 'MySQL', 'MySQL', 'database-sql', ['Oracle MySQL', 'MySQL数据库', 'MariaDB']],
  ['postgresql', 'PostgreSQL', 'PostgreSQL', 'database-sql', ['Postgres', 'PostgreSQL数据库', 'psql']],
  [
    'oracle-database',
    'Oracle Database',
    'Oracle数据库',
    'database-sql',
    ['~^Oracle', 'Oracle DB', 'Oracle 11g', 'Oracle 12c', 'Oracle数据库'],
  ],
  ['sql-server', 'Microsoft SQL Server', 'SQL Server', 'database-sql', ['SQL Server', 'MS SQL Server', 'MSSQL']],
  ['sqlite', 'SQLite', 'SQLite', 'database-sql', []],
  ['mongodb', 'MongoDB', 'MongoDB', 'database-nosql', ['Mongo', 'MongoDB数据库']],
  ['redis', 'Redis', 'Redis', 'database-nosql', ['Redis缓存']],
  ['hbase', 'HBase', 'HBase', 'database-nosql', ['Apache HBase']],
  ['cassandra', 'Apache Cassandra', 'Cassandra', 'database-nosql', ['~^Cassandra']],
  ['neo4j', 'Neo4j', 'Neo4j', 'database-nosql', ['graph databases', '图数据库']],
  ['clickhouse', 'ClickHouse', 'ClickHouse', 'database-sql', []],
  ['nosql', 'NoSQL databases', '非关系型数据库', 'database-nosql', ['NoSQL', '非关系型数据库']],
  [
    'database-design',
    'Database design',
    '数据库设计',
    'database-sql',
    [
      'database',
      'databases',
      '数据库',
      'database management',
      '数据库管理',
      'relational databases',
      '关系型数据库',
      'DBMS',
      'database administration',
      'DBA',
    ],
  ],
  ['microsoft-access', 'Microsoft Access', 'Access数据库', 'database-sql', ['~^Access', 'MS Access']],
]);
