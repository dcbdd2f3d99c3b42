AGSearch("search/2024-03.ea0d033627/p0-0.js",3,"1@");
