import { nationalDatabase } from "/work/wt/reports/tests/bench/national-data";
console.log(await nationalDatabase());
