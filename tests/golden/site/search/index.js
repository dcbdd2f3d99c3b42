AGSearch("search/index.js",{"chunk":16,"format":1,"shards":[{"b":1,"dir":"2024-03.aebfc405d2","docs":6,"name":"2024-03","t":1,"u":1}]});
