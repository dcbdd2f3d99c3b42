AGSearch("search/2024-03.7e3ad2280f/p0-0.js",3,"1@");
