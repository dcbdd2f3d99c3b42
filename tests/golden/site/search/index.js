AGSearch("search/index.js",{"chunk":16,"format":2,"part":256,"shards":[{"d":1,"dir":"2024-03.ded30619d9","docs":6,"name":"2024-03","p":1,"t":1}]});
