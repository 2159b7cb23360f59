package com.ibportal.dashboard.ui;

import com.ibportal.dashboard.ActivityOverview;
import com.ibportal.dashboard.DailyActivity;
import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisType;
import com.vaadin.flow.component.charts.model.ChartType;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.PlotOptionsColumn;
import com.vaadin.flow.component.charts.model.PlotOptionsSpline;
import com.vaadin.flow.component.charts.model.YAxis;
import java.time.ZoneOffset;

/** Registrations and first deposits per day (columns) with FTD amount (line, right axis). */
class ActivityChart extends Chart {

    final DataSeries registrations = new DataSeries("Registrations");
    final DataSeries ftds = new DataSeries("First deposits");
    final DataSeries ftdAmount = new DataSeries("FTD amount");

    ActivityChart(String title) {
        super(ChartType.COLUMN);
        setId("activity-chart");
        Configuration conf = getConfiguration();
        conf.setTitle(title);
        conf.getxAxis().setType(AxisType.DATETIME);
        conf.getyAxis().setTitle("Count");
        conf.getyAxis().setAllowDecimals(false);
        YAxis amountAxis = new YAxis();
        amountAxis.setTitle("FTD amount");
        amountAxis.setOpposite(true);
        conf.addyAxis(amountAxis);
        ftdAmount.setPlotOptions(new PlotOptionsSpline());
        ftdAmount.setyAxis(1);
        PlotOptionsColumn columns = new PlotOptionsColumn();
        columns.setGroupPadding(0.05);
        conf.setPlotOptions(columns);
        conf.setSeries(registrations, ftds, ftdAmount);
        setHeight("360px");
    }

    void show(ActivityOverview overview) {
        registrations.clear();
        ftds.clear();
        ftdAmount.clear();
        for (DailyActivity day : overview.days()) {
            var x = day.date().atStartOfDay().toInstant(ZoneOffset.UTC);
            registrations.add(new DataSeriesItem(x, day.registrations()), false, false);
            ftds.add(new DataSeriesItem(x, day.ftds()), false, false);
            ftdAmount.add(new DataSeriesItem(x, day.ftdAmount()), false, false);
        }
        drawChart();
    }
}
