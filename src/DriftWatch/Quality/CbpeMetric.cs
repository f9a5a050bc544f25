namespace DriftWatch.Quality;

/// <summary>A binary classification metric that CBPE estimates without labels.</summary>
public enum CbpeMetric
{
    /// <summary>(TP + TN) / n.</summary>
    Accuracy = 0,

    /// <summary>TP / (TP + FP).</summary>
    Precision = 1,

    /// <summary>TP / (TP + FN).</summary>
    Recall = 2,

    /// <summary>TN / (TN + FP).</summary>
    Specificity = 3,

    /// <summary>2·TP / (2·TP + FP + FN).</summary>
    F1 = 4,

    /// <summary>Area under the ROC curve.</summary>
    RocAuc = 5,
}
