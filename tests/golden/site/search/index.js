AGSearch("search/index.js",{"chunk":8,"format":4,"frequent":8,"page":8192,"shards":[{"d":2,"dir":"2024-03.9964e278cb","docs":6,"l":1,"name":"2024-03","t":1}]});
