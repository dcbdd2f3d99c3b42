AGSearch("search/2024-03.ded30619d9/p0-0.js",3,"1@");
