AGIssues([["2024-03-02", "issues/2024-03-02/index.html"], ["2024-03-01", "issues/2024-03-01/index.html"]]);
